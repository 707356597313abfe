package org.proclab.mp.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.proclab.mp.shm.EndedProcesses;
import org.proclab.mp.shm.SharedMemoryDirectory;

/**
 * A child JVM that the operating system has started, whether or not it has booted and connected
 * back yet. {@link #connection()} completes when it has opened its pipe back and said hello;
 * until then nothing waits for it, so children started one after another boot at the same time,
 * as Python's {@code Process.start()} returns once the OS process exists.
 *
 * <p>Every child JVM holds a place among the {@link ChildSettings#maxLiveChildren()} live children
 * from before it starts until it exits, whether it runs a task or waits in the {@link Reservoir}:
 * one of this JVM's, and one in the session's {@link ChildLedger}, which bounds the children of
 * children too.
 *
 * <p>Outside this package it is a handle only: a start method obtains one ({@link #start} or
 * {@link Reservoir#take}) and hands it to {@link ChildProcess}, which takes it over.
 */
public final class ChildJvm {
    private static final AtomicInteger SLOTS = new AtomicInteger();
    /** Starts of working children under way: while there are any, the reservoirs' refills take no place. */
    private static final AtomicInteger STARTING = new AtomicInteger();
    private static final long CONNECT_TIMEOUT_SECONDS = 60;
    /** How long a start at the limit waits for a finished child's JVM to exit and give its place back. */
    private static final long FINISHING_WAIT_SECONDS = 2;
    /** JVMs whose child announced its end and that are still exiting: they hold their places until they have exited. */
    private static final Set<ChildJvm> FINISHING = ConcurrentHashMap.newKeySet();

    final java.lang.Process os;
    final long pid;
    private final CompletableFuture<FrameChannel> connection;
    private final Place place;

    private ChildJvm(java.lang.Process os, CompletableFuture<FrameChannel> connection, Place place) {
        this.os = os;
        this.pid = os.pid();
        this.connection = connection;
        this.place = place;
        os.onExit().thenRun(place::release);
    }

    /** A place among the live children, given back once when the JVM has exited or did not start. */
    private static final class Place {
        private final ChildLedger.Entry sessionEntry;
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final CompletableFuture<Void> released = new CompletableFuture<>();

        private Place(ChildLedger.Entry sessionEntry) {
            this.sessionEntry = sessionEntry;
        }

        void started(long childPid) {
            if (sessionEntry != null) {
                sessionEntry.started(childPid);
            }
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                SLOTS.decrementAndGet();
                if (sessionEntry != null) {
                    sessionEntry.release();
                }
                released.complete(null);
            }
        }
    }

    /**
     * Starts a JVM for {@code what} (a process name, for messages) as {@code settings} say, making
     * room by retiring waiting warm JVMs, as many as it takes, if the limit is reached. Returns as soon as the OS process
     * exists.
     *
     * @throws ChildStartException when the limit is reached or the JVM cannot start
     */
    public static ChildJvm start(ChildSettings settings, String what) {
        STARTING.incrementAndGet();
        try {
            return startWorking(settings, what);
        } finally {
            STARTING.decrementAndGet();
        }
    }

    private static ChildJvm startWorking(ChildSettings settings, String what) {
        int limit = settings.maxLiveChildren();
        Place place = reservePlace(limit);
        while (place == null && Reservoir.evictFromAny()) {
            place = reservePlace(limit);
        }
        while (place == null && awaitAFinishingExit()) {
            place = reservePlace(limit);
        }
        if (place == null) {
            throw new ChildStartException("cannot start " + what + ": " + (SLOTS.get() >= limit
                    ? SLOTS.get() + " child processes are already running, the limit is " + limit
                    : limit + " child processes of this program and of its children are already running, the limit is "
                            + limit)
                    + settings.memoryRoom().map(room -> ": " + room + ". Join or terminate some first.")
                            .orElse(". Join or terminate some first (or raise the limit: ChildSettings.withMaxLiveChildren)."));
        }
        return launchHolding(settings, place, what, ChildMain.Purpose.WORK);
    }

    /**
     * Starts a JVM as {@code settings} say if a place is free, else returns null; for filling a
     * reservoir. Null too while a working child is starting: a waiting JVM gives way, and one that
     * took the last place in the middle of a pool's start (which needs every place) would make a
     * worker fail at the limit.
     */
    static ChildJvm startIfRoom(ChildSettings settings) {
        if (STARTING.get() > 0) {
            return null;
        }
        Place place = reservePlace(settings.maxLiveChildren());
        if (place == null) {
            return null;
        }
        try {
            return launchHolding(settings, place, "a warm child", ChildMain.Purpose.WAIT);
        } catch (RuntimeException e) {
            return null;
        }
    }

    boolean isAlive() {
        return os.isAlive();
    }

    /**
     * Completes with the channel to the child once it has connected; fails with a
     * {@link ChildStartException} that names the cause when the JVM ends before that (a bad JVM
     * option, a signal) or does not connect within a minute (it is then killed).
     */
    CompletableFuture<FrameChannel> connection() {
        return connection;
    }

    /** Whether the child has connected already: a waiting JVM that has is ready for work at once. */
    boolean isConnected() {
        return connection.isDone() && !connection.isCompletedExceptionally();
    }

    /**
     * The child in this JVM announced its end: it counts as ended for this JVM's shared objects
     * ({@link EndedProcesses}) and the JVM exits in a moment; a start that finds the places taken
     * waits for that ({@link #awaitAFinishingExit}) rather than fail at the limit. Both records go
     * when the place is given back, at the exit, also when the exit came first.
     */
    void finishing() {
        EndedProcesses.announced(pid);
        FINISHING.add(this);
        place.released.thenRun(() -> {
            FINISHING.remove(this);
            EndedProcesses.exited(pid);
        });
    }

    /**
     * Waits (at most {@code FINISHING_WAIT_SECONDS}) until every JVM whose child announced its end
     * has exited and given its place back: a child JVM calls it before it ends, so that its own
     * children's places in the session's {@link ChildLedger} are free once its parent hears of its end.
     */
    static void awaitFinishingExits() {
        CompletableFuture<?>[] exits = FINISHING.stream().map(jvm -> jvm.place.released).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(FINISHING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the places come back when those JVMs exit; the ledger prunes what is left
        }
    }

    /**
     * Waits until one of the JVMs whose child has finished has exited and given its place back:
     * a cell that joins its pool and makes the next one at once would otherwise meet the limit
     * while the old workers tear down. False when none is finishing, or none exited in time.
     */
    private static boolean awaitAFinishingExit() {
        CompletableFuture<?>[] exits = FINISHING.stream().map(jvm -> jvm.place.released).toArray(CompletableFuture[]::new);
        if (exits.length == 0) {
            return false;
        }
        try {
            CompletableFuture.anyOf(exits).get(FINISHING_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Gives the place back now that the JVM has exited, before whoever waits for the exit is told
     * (a pool's {@code close()}, a {@code join()}): a start right after it then finds the place
     * free, which the exit's own callback, run by the JDK's reaper after the waiters', would not
     * promise. Once only, whichever of the two comes first.
     */
    void exited() {
        place.release();
    }

    /** Kills a JVM that was never given work and gives its slot back at once. */
    void discard() {
        os.toHandle().destroyForcibly();
        place.release();
        connection.thenAccept(FrameChannel::close);
    }

    /** A place if this JVM and the session are both below the limit, else null. */
    private static Place reservePlace(int limit) {
        int taken;
        do {
            taken = SLOTS.get();
            if (taken >= limit) {
                return null;
            }
        } while (!SLOTS.compareAndSet(taken, taken + 1));
        ChildLedger ledger = ChildLedger.session();
        ChildLedger.Entry entry;
        try {
            entry = ledger == null ? null : ledger.reserve(limit);
        } catch (RuntimeException e) {
            SLOTS.decrementAndGet();
            throw new ChildStartException("cannot start a child process: " + e.getMessage(), e);
        }
        if (ledger != null && entry == null) {
            SLOTS.decrementAndGet();
            return null;
        }
        return new Place(entry);
    }

    private static ChildJvm launchHolding(ChildSettings settings, Place place, String what, ChildMain.Purpose purpose) {
        try {
            return launch(settings, place, what, purpose);
        } catch (RuntimeException e) {
            place.release();
            throw e;
        }
    }

    private static ChildJvm launch(ChildSettings settings, Place place, String what, ChildMain.Purpose purpose) {
        ChildPipes pipes = ChildPipes.get();
        Path pipe = pipes.take();
        JvmLaunch launch = JvmLaunch.of(settings);
        ChildClassArchive.Plan archive = ChildClassArchive.plan(launch.javaCommand(), launch.classPath());
        List<String> command = new ArrayList<>();
        command.add(launch.javaCommand());
        command.addAll(purpose.jvmOptions());
        command.addAll(launch.options());
        command.addAll(archive.options());
        command.addAll(List.of("-cp", launch.classPath(), ChildMain.class.getName(), pipe.toString(), purpose.name()));
        java.lang.Process os;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put(SharedMemoryDirectory.ENVIRONMENT_VARIABLE,
                    SharedMemoryDirectory.session().path().toString());
            os = builder.start();
            place.started(os.pid());
            os.onExit().thenRun(archive.afterExit());
        } catch (IOException e) {
            archive.afterExit().run();
            pipes.abandon(pipe);
            throw new ChildStartException("cannot start " + what + " with " + launch.javaCommand() + ": " + e.getMessage(), e);
        }
        CompletableFuture<FrameChannel> connection = pipes.connect(pipe, os);
        os.onExit().thenRun(() -> {
            if (!connection.isDone()) {
                connection.completeExceptionally(new ChildStartException(
                        what + " exited with code " + os.exitValue() + " before it was ready" + firstErrors(os)));
            }
            if (connection.isCompletedExceptionally()) {
                pipes.abandon(pipe);
            }
        });
        CompletableFuture.delayedExecutor(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(() -> {
            if (connection.completeExceptionally(new ChildStartException(
                    what + " did not connect within " + CONNECT_TIMEOUT_SECONDS + " s and was killed", new TimeoutException()))) {
                os.toHandle().destroyForcibly();
            }
        });
        return new ChildJvm(os, connection, place);
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
