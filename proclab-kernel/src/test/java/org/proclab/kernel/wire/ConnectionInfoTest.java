package org.proclab.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {
    @TempDir
    Path dir;

    // A connection file as Jupyter writes it (with extra fields) is read completely, and tcp endpoints are transport://ip:port.
    @Test
    void readsJupyterConnectionFile() throws IOException {
        Path file = write("kernel-1234.json", """
                {
                  "shell_port": 50001,
                  "iopub_port": 50002,
                  "stdin_port": 50003,
                  "control_port": 50004,
                  "hb_port": 50005,
                  "ip": "127.0.0.1",
                  "key": "6b1c0f3e-2f4ac0a2b1f5e8c3d7a9",
                  "transport": "tcp",
                  "signature_scheme": "hmac-sha256",
                  "kernel_name": "proclab",
                  "jupyter_session": "/home/alice/Untitled.ipynb"
                }
                """);

        ConnectionInfo info = ConnectionInfo.read(file);

        assertEquals("tcp", info.transport());
        assertEquals("127.0.0.1", info.ip());
        assertEquals(50001, info.shellPort());
        assertEquals(50002, info.iopubPort());
        assertEquals(50003, info.stdinPort());
        assertEquals(50004, info.controlPort());
        assertEquals(50005, info.hbPort());
        assertEquals("6b1c0f3e-2f4ac0a2b1f5e8c3d7a9", info.key());
        assertEquals("hmac-sha256", info.signatureScheme());
        assertEquals("proclab", info.kernelName());
        assertEquals("tcp://127.0.0.1:50001", info.endpoint(info.shellPort()));
        assertEquals("tcp://127.0.0.1:50005", info.endpoint(info.hbPort()));
    }

    // With the ipc transport the endpoint is ipc://<ip>-<port>, as jupyter_client names its socket files.
    @Test
    void ipcEndpoints() throws IOException {
        Path file = write("ipc.json", """
                {"transport": "ipc", "ip": "/tmp/kernel-ipc", "shell_port": 1, "iopub_port": 2,
                 "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "", "signature_scheme": "hmac-sha256"}
                """);

        ConnectionInfo info = ConnectionInfo.read(file);

        assertEquals("ipc:///tmp/kernel-ipc-1", info.endpoint(info.shellPort()));
        assertEquals("ipc:///tmp/kernel-ipc-4", info.endpoint(info.controlPort()));
    }

    // A signature scheme other than hmac-sha256 is refused with a message naming it.
    @Test
    void rejectsUnknownSignatureScheme() throws IOException {
        Path file = write("md5.json", """
                {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3,
                 "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}
                """);

        IOException e = assertThrows(IOException.class, () -> ConnectionInfo.read(file));
        assertTrue(e.getMessage().contains("hmac-md5"), e.getMessage());
    }

    // A missing file, a file that is not JSON and a file without transport/ip each fail with a message naming the file.
    @Test
    void unreadableFileMessageNamesTheFile() throws IOException {
        Path missing = dir.resolve("does-not-exist.json");
        IOException e1 = assertThrows(IOException.class, () -> ConnectionInfo.read(missing));
        assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());

        Path garbage = write("garbage.json", "this is { not json");
        IOException e2 = assertThrows(IOException.class, () -> ConnectionInfo.read(garbage));
        assertTrue(e2.getMessage().contains(garbage.toString()), e2.getMessage());

        Path incomplete = write("incomplete.json", "{\"shell_port\": 1}");
        IOException e3 = assertThrows(IOException.class, () -> ConnectionInfo.read(incomplete));
        assertTrue(e3.getMessage().contains(incomplete.toString()), e3.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
