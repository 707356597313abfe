package org.proclab.mp.spawn;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The pipes a parent talks to its children through: frames to a child go down its standard input,
 * frames from it come back up a named pipe (a FIFO) that the child opens by the path on its command
 * line. Both are plain pipes of the operating system, so a child connects without loading Java's
 * socket classes (a Unix socket made every child initialize the security providers: ~40 ms of CPU,
 * docs/decisions/021-children-talk-through-pipes.md), and nobody else can connect: a child's
 * standard input belongs to its parent, and the named pipes live in a directory only the owner may enter.
 *
 * <p>Java cannot make a named pipe, so {@code mkfifo} makes them, a batch at a time, ahead of need.
 * A pipe's name disappears as soon as both ends are open. One instance per JVM, created on first
 * use; its directory is removed when the JVM exits normally.
 */
final class ChildPipes {
    /** How many named pipes one {@code mkfifo} makes: it costs a few milliseconds, whatever the number. */
    private static final int BATCH = 16;
    private static ChildPipes instance;

    private final Path directory;
    private final Deque<Path> ready = new ArrayDeque<>();
    private int made;

    private ChildPipes() throws IOException {
        directory = Files.createTempDirectory("proclab-" + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Runtime.getRuntime().addShutdownHook(SpawnThreads.newThread(this::removeFiles, "proclab-pipes-cleanup"));
    }

    static synchronized ChildPipes get() {
        if (instance == null) {
            try {
                instance = new ChildPipes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a private directory for the pipes to child processes: "
                        + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** A fresh named pipe for one child, to be passed on its command line and then {@linkplain #connect connected}. */
    synchronized Path take() {
        if (ready.isEmpty()) {
            makeBatch();
        }
        return ready.removeFirst();
    }

    /**
     * Completes with the channel to {@code child} once it has opened {@code pipe} and said HELLO; never
     * completes when it does not (the caller fails the future when the child ends first, and then
     * calls {@link #abandon}). Frames to the child go to its standard input.
     */
    CompletableFuture<FrameChannel> connect(Path pipe, java.lang.Process child) {
        CompletableFuture<FrameChannel> connected = new CompletableFuture<>();
        Thread greeter = SpawnThreads.newThread(() -> greet(pipe, child, connected), "proclab-hello-" + child.pid());
        greeter.setDaemon(true);
        greeter.start();
        return connected;
    }

    /**
     * Gives up a pipe whose child will never open it (it ended, or never started): a greeter waiting
     * for the child to open it is released (it sees the end at once), and the name is removed.
     */
    void abandon(Path pipe) {
        try (FileChannel writer = FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // opening it for reading and writing never waits, and lets a greeter's open return; closing it ends the stream
        } catch (NoSuchFileException e) {
            // the greeter got it and removed the name already
        } catch (IOException e) {
            // nothing waits on a pipe that cannot be opened
        }
        deleteQuietly(pipe);
    }

    /**
     * Opens the pipe for reading (this waits until the child opens it for writing), removes its name,
     * and reads the child's first frame.
     */
    private static void greet(Path pipe, java.lang.Process child, CompletableFuture<FrameChannel> connected) {
        FrameChannel channel;
        try {
            channel = FrameChannel.of(new FileInputStream(pipe.toFile()), child.getOutputStream());
        } catch (IOException e) {
            connected.completeExceptionally(e);
            return;
        }
        deleteQuietly(pipe);
        try {
            Frame hello = channel.receive();
            if (hello == null || hello.type() != FrameType.HELLO || !connected.complete(channel)) {
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
        }
    }

    private void makeBatch() {
        List<String> command = new ArrayList<>(List.of("mkfifo", "-m", "600"));
        List<Path> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Path pipe = directory.resolve("child-" + made++);
            batch.add(pipe);
            command.add(pipe.toString());
        }
        try {
            java.lang.Process mkfifo = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (mkfifo.waitFor() != 0) {
                throw new UncheckedIOException(new IOException("mkfifo failed: " + said));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make pipes for child processes (mkfifo): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making pipes for child processes", e);
        }
        ready.addAll(batch);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the directory goes at exit
        }
    }

    private void removeFiles() {
        try (Stream<Path> left = Files.list(directory)) {
            left.forEach(ChildPipes::deleteQuietly);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
