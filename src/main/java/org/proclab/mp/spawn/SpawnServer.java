package org.proclab.mp.spawn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local socket children connect back to. It is a Unix domain socket in a directory only the
 * owner can enter, and every child proves itself with a one-time random token, so other users of a
 * shared server can neither connect nor impersonate a child.
 *
 * <p>One per JVM, created on first use, removed when the JVM exits normally. Its threads are in the
 * {@linkplain SpawnThreads#shared() shared group}, not the group of whoever first needed it: in the
 * kernel that is a cell, and interrupting that cell would otherwise close the socket for good.
 */
final class SpawnServer {
    private static SpawnServer instance;

    private final Path directory;
    private final Path socketPath;
    private final ServerSocketChannel server;
    private final Map<String, CompletableFuture<FrameChannel>> waiting = new ConcurrentHashMap<>();

    private SpawnServer() throws IOException {
        directory = Files.createTempDirectory("proclab-" + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socketPath = directory.resolve("spawn.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        Thread acceptor = new Thread(SpawnThreads.shared(), this::acceptLoop, "proclab-spawn-server");
        acceptor.setDaemon(true);
        acceptor.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeFiles, "proclab-spawn-cleanup"));
    }

    static synchronized SpawnServer get() {
        if (instance == null) {
            try {
                instance = new SpawnServer();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the local socket for child processes: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    Path socketPath() {
        return socketPath;
    }

    /** A fresh token and the future that completes when the child holding it connects. */
    Map.Entry<String, CompletableFuture<FrameChannel>> expectChild() {
        String token = UUID.randomUUID().toString();
        CompletableFuture<FrameChannel> connected = new CompletableFuture<>();
        waiting.put(token, connected);
        connected.whenComplete((c, e) -> waiting.remove(token));
        return Map.entry(token, connected);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel socket = server.accept();
                Thread greeter = new Thread(SpawnThreads.shared(), () -> greet(socket), "proclab-spawn-hello");
                greeter.setDaemon(true);
                greeter.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Reads the HELLO frame (the token); a connection without a valid token is closed, and so
     * is one that comes after its child was given up (it ended or timed out meanwhile).
     */
    private void greet(SocketChannel socket) {
        FrameChannel channel = new FrameChannel(socket);
        try {
            Frame hello = channel.receive();
            if (hello == null || hello.type() != FrameType.HELLO) {
                channel.close();
                return;
            }
            CompletableFuture<FrameChannel> expected = waiting.get(new String(hello.payload(), StandardCharsets.UTF_8));
            if (expected == null || !expected.complete(channel)) {
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
        }
    }

    private void removeFiles() {
        try {
            server.close();
            Files.deleteIfExists(socketPath);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // best effort at exit; a later kernel start sweeps what is left
        }
    }
}
