package org.proclab.mp.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.proclab.mp.shm.SharedMemoryDirectory;

/**
 * A child JVM that has started and connected back, but has not been told who it is yet. Every
 * child JVM holds one of the {@link SpawnConfig#maxLiveChildren()} slots from before it starts
 * until it exits, whether it runs a task or waits in the {@link Reservoir}.
 */
final class ChildJvm {
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static final long CONNECT_TIMEOUT_SECONDS = 60;

    final java.lang.Process os;
    final FrameChannel channel;
    final long pid;
    /** The class path this JVM was started with: a warm JVM is of no use once it is no longer current. */
    final String classPath;
    private final AtomicBoolean slotHeld = new AtomicBoolean(true);

    private ChildJvm(java.lang.Process os, FrameChannel channel, long pid, String classPath) {
        this.os = os;
        this.channel = channel;
        this.pid = pid;
        this.classPath = classPath;
        os.onExit().thenRun(this::releaseSlot);
    }

    /**
     * Starts a JVM for {@code what} (a process name, for messages), making room by retiring a
     * waiting warm JVM if the limit is reached.
     *
     * @throws ProcessStartException when the limit is reached or the JVM cannot start
     */
    static ChildJvm start(String what) {
        if (!reserveSlot() && !(Reservoir.shared().evictOne() && reserveSlot())) {
            throw new ProcessStartException("cannot start " + what + ": " + SLOTS.get()
                    + " child processes are already running, the limit is " + SpawnConfig.maxLiveChildren()
                    + ". Join or terminate some first (or raise SpawnConfig.maxLiveChildren).");
        }
        try {
            return launch(what);
        } catch (RuntimeException e) {
            SLOTS.decrementAndGet();
            throw e;
        }
    }

    /** Starts a JVM if a slot is free, else returns null; for filling the reservoir. */
    static ChildJvm startIfRoom() {
        if (!reserveSlot()) {
            return null;
        }
        try {
            return launch("a warm child");
        } catch (RuntimeException e) {
            SLOTS.decrementAndGet();
            return null;
        }
    }

    boolean isAlive() {
        return os.isAlive();
    }

    /** Whether this JVM was started with the class path children get now (see {@link SpawnConfig#addClassPath}). */
    boolean hasCurrentClassPath() {
        return classPath.equals(SpawnConfig.classPath());
    }

    /** Kills a JVM that was never given work and gives its slot back at once. */
    void discard() {
        os.toHandle().destroyForcibly();
        releaseSlot();
    }

    private void releaseSlot() {
        if (slotHeld.compareAndSet(true, false)) {
            SLOTS.decrementAndGet();
        }
    }

    private static boolean reserveSlot() {
        int limit = SpawnConfig.maxLiveChildren();
        int taken;
        do {
            taken = SLOTS.get();
            if (taken >= limit) {
                return false;
            }
        } while (!SLOTS.compareAndSet(taken, taken + 1));
        return true;
    }

    private static ChildJvm launch(String what) {
        SpawnServer server = SpawnServer.get();
        Map.Entry<String, CompletableFuture<SpawnServer.Connected>> expected = server.expectChild();
        String classPath = SpawnConfig.classPath();
        ChildClassArchive.Plan archive = ChildClassArchive.plan(SpawnConfig.javaCommand(), classPath);
        List<String> command = new ArrayList<>();
        command.add(SpawnConfig.javaCommand());
        command.addAll(SpawnConfig.jvmOptions());
        command.addAll(archive.options());
        command.addAll(List.of("-cp", classPath, ChildMain.class.getName(),
                server.socketPath().toString(), expected.getKey()));
        java.lang.Process os;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put(SharedMemoryDirectory.ENVIRONMENT_VARIABLE,
                    SharedMemoryDirectory.session().path().toString());
            os = builder.start();
            os.onExit().thenRun(archive.afterExit());
        } catch (IOException e) {
            archive.afterExit().run();
            expected.getValue().cancel(false);
            throw new ProcessStartException("cannot start " + what + " with " + SpawnConfig.javaCommand() + ": " + e.getMessage(), e);
        }
        os.onExit().thenRun(() -> expected.getValue().completeExceptionally(new ProcessStartException(
                what + " exited with code " + os.exitValue() + " before it was ready" + firstErrors(os))));
        try {
            SpawnServer.Connected connected = expected.getValue().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new ChildJvm(os, connected.channel(), connected.pid(), classPath);
        } catch (ExecutionException e) {
            throw (ProcessStartException) e.getCause();
        } catch (TimeoutException e) {
            os.toHandle().destroyForcibly();
            throw new ProcessStartException(what + " did not connect within " + CONNECT_TIMEOUT_SECONDS + " s and was killed");
        } catch (InterruptedException e) {
            os.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProcessStartException("starting " + what + " was interrupted; the child was killed");
        }
    }

    /** What a JVM that died during start-up printed on stderr (e.g. a bad -Xmx), for the error message. */
    private static String firstErrors(java.lang.Process os) {
        try {
            String text = new String(os.getErrorStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException e) {
            return "";
        }
    }
}
