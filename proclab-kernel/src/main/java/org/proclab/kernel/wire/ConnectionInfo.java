package org.proclab.kernel.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The connection file Jupyter writes before it starts a kernel: where to bind the five sockets and
 * which key signs the messages.
 *
 * <p>Read it with {@link #read(Path)}; the kernel binds exactly the addresses it names and nothing
 * else.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionInfo(
        String transport,
        String ip,
        int shellPort,
        int iopubPort,
        int stdinPort,
        int controlPort,
        int hbPort,
        String key,
        String signatureScheme,
        String kernelName) {

    /** Parses a connection file, failing with a message that names the file when it is unusable. */
    public static ConnectionInfo read(Path file) throws IOException {
        ConnectionInfo info;
        try {
            info = Json.MAPPER.readValue(file.toFile(), ConnectionInfo.class);
        } catch (IOException e) {
            throw new IOException("cannot read connection file " + file + ": " + e.getMessage(), e);
        }
        if (info.transport() == null || info.ip() == null) {
            throw new IOException("connection file " + file + " has no transport or ip");
        }
        if (info.signatureScheme() != null && !info.signatureScheme().isEmpty()
                && !MessageSigner.SCHEME.equals(info.signatureScheme())) {
            throw new IOException("unsupported signature scheme " + info.signatureScheme()
                    + " (ProcLab supports " + MessageSigner.SCHEME + ")");
        }
        return info;
    }

    /** The ZeroMQ endpoint for one of this file's ports, e.g. {@code tcp://127.0.0.1:5555}. */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
