package org.proclab.kernel.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.proclab.kernel.KernelJvmOptions;
import org.proclab.kernel.wire.ConnectionInfo;
import org.proclab.kernel.wire.Json;

/**
 * The kernel as its own OS process, started with the kernelspec's JVM options ({@link KernelJvmOptions})
 * on a connection file with free ports on 127.0.0.1 and a random key. Output of the process goes to a
 * log file next to the connection file. {@link #close()} kills it whatever state it is in.
 */
public final class KernelProcess implements AutoCloseable {
    /** Kernels not yet closed; a shutdown hook kills them if the test JVM ends first (e.g. Ctrl-C of Maven). */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "kill-test-kernels"));
    }

    private final Path javaHome;
    private final Path connectionFile;
    private final Path logFile;
    private final ConnectionInfo info;
    private final Process process;

    private KernelProcess(Path javaHome, Path connectionFile, Path logFile, ConnectionInfo info, Process process) {
        this.javaHome = javaHome;
        this.connectionFile = connectionFile;
        this.logFile = logFile;
        this.info = info;
        this.process = process;
    }

    /** Writes a connection file into {@code dir} and starts {@code <javaHome>/bin/java ... org.proclab.kernel.KernelMain FILE}. */
    public static KernelProcess start(Path javaHome, Path dir) throws IOException, InterruptedException {
        String name = "kernel-" + UUID.randomUUID();
        Path connectionFile = dir.resolve(name + ".json");
        Path logFile = dir.resolve(name + ".log");
        int[] ports = freePorts(5);
        String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> connection = Map.of(
                "transport", "tcp", "ip", "127.0.0.1", "shell_port", ports[0], "iopub_port", ports[1],
                "stdin_port", ports[2], "control_port", ports[3], "hb_port", ports[4], "key", key,
                "signature_scheme", "hmac-sha256", "kernel_name", "proclab");
        Files.writeString(connectionFile, Json.MAPPER.writeValueAsString(connection),
                StandardCharsets.UTF_8);
        ConnectionInfo info = ConnectionInfo.read(connectionFile);

        List<String> command = new ArrayList<>();
        Path java = javaHome.resolve("bin").resolve("java");
        command.add(java.toString());
        command.addAll(KernelJvmOptions.forJava(java));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.proclab.kernel.KernelMain",
                connectionFile.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        LIVE.add(process);
        return new KernelProcess(javaHome, connectionFile, logFile, info, process);
    }

    /** Ports that were free on 127.0.0.1 a moment ago (all held at once, so they are distinct). */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    public ConnectionInfo info() {
        return info;
    }

    public Process process() {
        return process;
    }

    /** What the kernel wrote to stdout/stderr so far (for failure messages). */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The stacks of the kernel's threads, from the JDK's {@code jcmd} (for failure messages of a kernel that hangs). */
    public String threadDump() {
        try {
            java.lang.Process jcmd = new ProcessBuilder(javaHome.resolve("bin").resolve("jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** Waits for the process to end; true if it did within the timeout. */
    public boolean waitForExit(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }

    /** Kills the kernel and anything it started, and waits until they are gone. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            LIVE.remove(process);
        }
    }

    @Override
    public String toString() {
        return "kernel pid " + process.pid() + " on " + javaHome + " (" + connectionFile + ")";
    }
}
