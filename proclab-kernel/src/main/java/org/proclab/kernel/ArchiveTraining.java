package org.proclab.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.proclab.kernel.wire.ConnectionInfo;
import org.proclab.kernel.wire.Header;
import org.proclab.kernel.wire.InvalidMessageException;
import org.proclab.kernel.wire.Json;
import org.proclab.kernel.wire.Message;
import org.proclab.kernel.wire.MessageSigner;
import org.proclab.kernel.wire.Multipart;
import org.proclab.kernel.wire.WireCodec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A short scripted session that the kernel's class-data archive is made from (decision 014).
 * {@code ./proclab install} runs {@code java -XX:ArchiveClassesAtExit=... -jar proclab.jar train}:
 * a real kernel serves a connection file of its own on loopback, and a client in the same JVM sends
 * it, over the real wire protocol, what a first session sends (kernel_info, cells that print,
 * declare, fail and start child processes, completion, inspection, shutdown). When the JVM exits it
 * archives every class that session loaded, so later kernels map them instead of loading Jackson,
 * JeroMQ, JShell and javac class by class.
 */
public final class ArchiveTraining {
    private static final List<String> CELLS = List.of(
            "1 + 1",
            "int answer = 6 * 7;",
            "System.out.println(\"answer = \" + answer);",
            "String greet(String name) { return \"hello \" + name; }",
            "record Point(int x, int y) { }",
            "new Point(1, 2)",
            "List.of(3, 1, 2).stream().sorted().map(i -> i * i).toList()",
            "int broken = ;",
            "Integer.parseInt(\"not a number\")",
            "%time greet(\"you\")",
            "var child = new Process(() -> System.out.println(Process.current().name()));\nchild.start();\nchild.join();",
            "try (Pool pool = new Pool(2)) {\n    pool.map(i -> i * i, List.of(1, 2, 3, 4));\n}");
    private static final int REPLY_TIMEOUT_MS = 120_000;

    private final ConnectionInfo connection;
    private final PrintStream log;
    private final String session = UUID.randomUUID().toString();
    private volatile boolean failed;

    private ArchiveTraining(ConnectionInfo connection, PrintStream log) {
        this.connection = connection;
        this.log = log;
    }

    /** Runs the session; 0 when every request was answered. */
    public static int run() throws IOException, InterruptedException {
        PrintStream log = System.err;
        Path directory = Files.createTempDirectory("proclab-training",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = directory.resolve("connection.json");
        try {
            ConnectionInfo connection = new ConnectionInfo("tcp", "127.0.0.1", freePort(), freePort(), freePort(),
                    freePort(), freePort(), newKey(), MessageSigner.SCHEME, "proclab");
            Json.MAPPER.writeValue(file.toFile(), connection);
            ArchiveTraining training = new ArchiveTraining(connection, log);
            Thread client = new Thread(training::talk, "proclab-training-client");
            client.start();
            int status = KernelMain.run(file, false);
            client.join();
            return training.failed ? 1 : status;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    /** Sends the session's requests, each after the previous one's reply, and ends with shutdown. */
    private void talk() {
        WireCodec codec = new WireCodec(new MessageSigner(connection.key()));
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket shell = connect(context, connection.shellPort());
            ZMQ.Socket control = connect(context, connection.controlPort());
            try {
                ask(codec, shell, "kernel_info_request", Map.of());
                for (String cell : CELLS) {
                    ask(codec, shell, "execute_request", Map.of("code", cell, "silent", false, "store_history", true,
                            "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", false));
                }
                ask(codec, shell, "complete_request", Map.of("code", "Math.ab", "cursor_pos", 7));
                ask(codec, shell, "inspect_request", Map.of("code", "Math.abs", "cursor_pos", 8, "detail_level", 0));
                ask(codec, shell, "is_complete_request", Map.of("code", "for (int i = 0; i < 3; i++) {"));
            } catch (IOException e) {
                failed = true;
                log.println("proclab train: " + e.getMessage());
            }
            try {
                ask(codec, control, "shutdown_request", Map.of("restart", false));
            } catch (IOException e) {
                log.println("proclab train: " + e.getMessage() + "; stopping");
                Runtime.getRuntime().halt(1);
            }
        }
    }

    private ZMQ.Socket connect(ZContext context, int port) {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setIdentity(("training-" + session).getBytes(StandardCharsets.US_ASCII));
        socket.setReceiveTimeOut(REPLY_TIMEOUT_MS);
        socket.connect(connection.endpoint(port));
        return socket;
    }

    /** Sends one request and waits for the reply to it; other messages on the socket are skipped. */
    private void ask(WireCodec codec, ZMQ.Socket socket, String msgType, Object content) throws IOException {
        Message request = new Message(List.of(), Header.create(msgType, session, "training"), null,
                Json.MAPPER.createObjectNode(), Json.MAPPER.valueToTree(content), List.of());
        if (!Multipart.send(socket, codec.encode(request))) {
            throw new IOException("could not send " + msgType);
        }
        while (true) {
            List<byte[]> frames = Multipart.receive(socket);
            if (frames == null) {
                throw new IOException("no reply to " + msgType + " within " + REPLY_TIMEOUT_MS / 1000 + " s");
            }
            try {
                Message reply = codec.decode(frames);
                if (reply.parentHeader() != null && request.header().msgId().equals(reply.parentHeader().msgId())) {
                    return;
                }
            } catch (InvalidMessageException e) {
                throw new IOException("bad reply to " + msgType + ": " + e.getMessage(), e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
