package org.proclab.mp.spawn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The parent's handle on one child JVM: the OS process, the pipes to it, the pumps that carry
 * its output, and the jobs it is running.
 *
 * <p>Exit codes follow Python: the child's status, or minus the signal number when a signal ended
 * it. The JVM reports a signal <i>n</i> as status {@code 128 + n}; a child that itself calls
 * {@code System.exit(137)} says so first (an {@code EXITING} frame), so its code stays 137. Only
 * a child that halts ({@code Runtime.halt}) with such a status, or a plain program's child without
 * ProcLab's {@code ChildMain}, would still read as a signal.
 *
 * <p>Signals go through the process handle, not {@code java.lang.Process.destroy()}, which would
 * also close the pipes in the parent and lose what the child printed last.
 *
 * <p>A child is handed over in the background: {@link #launch} returns as soon as the OS process
 * exists, with the child's name and first frames queued in a {@link PendingChannel}; when the child
 * connects, they go out and its output pumps and frame reader start. A child that ends before it
 * connects (it cannot boot) keeps the reason in {@link #startFailure()}.
 *
 * <p>Every child is registered in {@link #live()} until it has ended, so the owner (the kernel)
 * can end them all; each child also exits by itself when its parent disappears (its standard input ends).
 * A child has ended when its JVM has exited, or, sooner, when it announced its status after its jobs
 * ({@link FrameType#ENDED}) and its output is in: its JVM then takes a few more milliseconds to
 * exit on its own, and nothing it does can change its status or output any more.
 */
public final class ChildProcess {
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final long NO_JOB = -1;

    private final ClassSource classes;
    private final String name;
    private final ChildRole role;
    private final boolean daemon;
    private final ChildJvm jvm;
    private final java.lang.Process os;
    private final PendingChannel channel = new PendingChannel();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final long pid;
    private final ThreadGroup owner;
    private final ThreadGroup interruptedWith;
    private final List<OutputPump> pumps;
    private final Thread reader;
    private final Map<Long, PendingJob> pending = new ConcurrentHashMap<>();
    /** The job the child was running when it died: the oldest one then pending ({@link #NO_JOB} if none). */
    private volatile long runningWhenDied = NO_JOB;
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile FrameChannel connection;
    /** Why the child never connected: it ended first, or did not connect in time and was killed. */
    private volatile ChildStartException bootFailure;
    private volatile int signalSent;
    /** The child said it exits by its own call, so its status is not a signal's. */
    private volatile boolean exitsByOwnCall;
    /** The status the child announced once its jobs were done ({@link FrameType#ENDED}), or null. */
    private volatile Integer announcedStatus;
    /** The CPU time the child measured as it announced its end, or null (not announced, or no figure). */
    private volatile CpuTime announcedCpu;
    /**
     * The latest CPU time known of a child that may use more before it ends, or null: its own figure
     * as it began to exit without announcing its end ({@link FrameType#EXITING}), or the parent's just
     * before it sent a signal.
     */
    private volatile CpuTime cpuSoFar;
    /** Opens when no more frames will come from the child (or it never connected). */
    private final CountDownLatch framesEnded = new CountDownLatch(1);
    /** Set by whichever comes first, the child's announced end or its exit: the end is recorded once. */
    private final AtomicBoolean settled = new AtomicBoolean();

    private record PendingJob(CompletableFuture<Object> result, ClassLoader loader) {
    }

    /** Takes over a started JVM; the pumps and the reader belong to the calling thread's group. */
    private ChildProcess(ChildJvm jvm, ClassSource classes, String name, ChildRole role, boolean daemon,
                         ThreadGroup interruptedWith) {
        this.classes = classes;
        this.name = name;
        this.role = role;
        this.daemon = daemon;
        this.jvm = jvm;
        this.os = jvm.os;
        this.pid = jvm.pid;
        this.owner = Thread.currentThread().getThreadGroup();
        this.interruptedWith = interruptedWith;
        this.pumps = List.of(
                new OutputPump(os.getInputStream(), false, name, pid,
                        (printer, printerPid, line) -> ProcessEvents.printed(printer, printerPid, "stdout", line), () -> null),
                new OutputPump(os.getErrorStream(), true, name, pid,
                        (printer, printerPid, line) -> ProcessEvents.printed(printer, printerPid, "stderr", line),
                        this::outsideSignalNote));
        this.reader = new Thread(this::readFrames, "proclab-" + name + "-reader");
        reader.setDaemon(true);
    }

    /**
     * Takes over {@code jvm} for one task (a {@code Process}); returns at once, without waiting for it
     * to boot. Its name and its task go out in one write as soon as it is connected. Its output pumps
     * belong to the calling thread's group, so in the kernel a process's output goes to the cell
     * that started it.
     *
     * @param jvm a JVM just started or taken from a {@link Reservoir}, as the start method decides
     * @param classes answers the child's requests for classes it lacks
     * @param startCalled {@link System#nanoTime()} when {@code start()} was called: the log counts the
     *                    process's life from then, so its length includes readying the task and the JVM
     * @param serializedJob a {@link ChildJob} serialized with {@link Serialization#toBytes}
     * @param loader resolves the classes of the task's result and errors
     */
    public static ChildProcess launchForTask(ChildJvm jvm, ClassSource classes, ChildName name, boolean daemon,
                                             long startCalled, byte[] serializedJob, ClassLoader loader) {
        return launch(jvm, classes, name, ChildRole.PROCESS, daemon, Thread.currentThread().getThreadGroup(),
                startCalled, child -> child.submit(serializedJob, loader));
    }

    /**
     * Takes over {@code jvm} and tells it who it is, as {@link #launchForTask} does, for a child
     * started on behalf of another thread group (a pool worker, started by the pool's own thread): an
     * interrupt of {@code interruptedWith} (in the kernel: of the cell that created the pool) kills
     * the child.
     */
    public static ChildProcess launch(ChildJvm jvm, ClassSource classes, ChildName given, ChildRole role,
                                      boolean daemon, ThreadGroup interruptedWith) {
        return launch(jvm, classes, given, role, daemon, interruptedWith, System.nanoTime(), child -> { });
    }

    private static ChildProcess launch(ChildJvm jvm, ClassSource classes, ChildName given, ChildRole role,
                                       boolean daemon, ThreadGroup interruptedWith, long startCalled,
                                       Consumer<ChildProcess> firstWork) {
        String name = given.name();
        ChildProcess child = new ChildProcess(jvm, classes, name, role, daemon, interruptedWith);
        child.channel.queue(FrameType.ASSIGN, 0,
                (role.name() + " " + given.identity() + " " + name).getBytes(StandardCharsets.UTF_8));
        firstWork.accept(child);
        OwnChildren.noteStarted();
        LIVE.add(child);
        ProcessEvents.started(name, child.pid, startCalled);
        jvm.connection().handle((channel, failure) -> {
            child.handOver(channel, failure);
            return null;
        }).thenCompose(handedOver -> child.os.onExit()).thenRun(() -> {
            jvm.exited();
            child.exited();
        });
        return child;
    }

    /**
     * The child has connected (its queued frames go out, its frames are read from now on) or never
     * will ({@code failure}: it ended, or did not connect in time and was killed). Either way its
     * output pumps start, so what a JVM that failed printed, and a note on a signal from outside,
     * still reach the user.
     */
    private void handOver(FrameChannel connected, Throwable failure) {
        if (failure == null) {
            connection = connected;
            try {
                channel.connected(connected);
            } catch (IOException e) {
                // the child died at once: the reader sees the end, exited() reports how it ended
            }
            reader.start();
            pumps.forEach(OutputPump::start);
            ready.complete(null);
            return;
        }
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        ChildStartException why = cause instanceof ChildStartException known ? known
                : new ChildStartException(name + " could not start: " + cause, cause);
        channel.failed(why.getMessage());
        if (timedOut(why)) {
            signalSent = 9;
        }
        bootFailure = why;
        framesEnded.countDown();
        pumps.forEach(OutputPump::start);
        ready.completeExceptionally(why);
    }

    /**
     * Waits until the child has booted and connected; a pool waits so for its workers, so that one
     * that cannot boot fails the pool at once instead of being replaced again and again.
     *
     * @throws ChildStartException naming the cause, when the child ended (or was killed) before
     */
    public void awaitReady() {
        try {
            ready.join();
        } catch (CompletionException e) {
            throw (ChildStartException) e.getCause();
        }
    }

    /**
     * Why the child never ran, once it has exited: it ended on its own before it connected (a bad
     * JVM option, a crash while booting) or did not connect within the time allowed. Null when it
     * connected, or when a signal ended it while it booted ({@link #terminate()}, {@link #kill()},
     * or a {@code kill} from outside): that is not a failure to start, and its exit code says it.
     */
    public ChildStartException startFailure() {
        ChildStartException why = bootFailure;
        Integer code = exitCode.getNow(null);
        if (why == null || code == null) {
            return null;
        }
        return code >= 0 || timedOut(why) ? why : null;
    }

    /** Whether the child was killed because it did not connect in time (see {@link ChildJvm#connection()}). */
    private static boolean timedOut(ChildStartException why) {
        return why.getCause() instanceof TimeoutException;
    }

    /** Children started in this JVM that have not exited yet. */
    public static Set<ChildProcess> live() {
        return Set.copyOf(LIVE);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    /** The thread group of the thread that started the child (in the kernel: the cell's). */
    public ThreadGroup owner() {
        return owner;
    }

    /** The thread group whose interrupt ends this child: its owner's, or for a pool worker the pool creator's. */
    public ThreadGroup interruptedWith() {
        return interruptedWith;
    }

    /** Daemon children end with the cell (or program) that started them. */
    public boolean isDaemon() {
        return daemon;
    }

    public boolean isAlive() {
        return !exitCode.isDone();
    }

    /** Completes with the Python-style exit code once the child has exited and its output is in. */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    /**
     * Sends a job (a {@link ChildJob} serialized with {@link Serialization#toBytes}); the future completes with its value, fails with the job's exception (type and
     * stack trace from the child), fails with {@link JobLostException} if the child dies while it runs the
     * job, or with {@link JobNotStartedException} if the child died before it started it.
     *
     * @param loader resolves the classes of the value that comes back
     */
    public CompletableFuture<Object> submit(byte[] serializedJob, ClassLoader loader) {
        return submit(serializedJob, loader, true);
    }

    /**
     * Like {@link #submit}, but leaves the job in the channel's buffer until {@link #flush()} (or the
     * next frame sent at once), so that a batch of small jobs takes one write.
     */
    public CompletableFuture<Object> submitBuffered(byte[] serializedJob, ClassLoader loader) {
        return submit(serializedJob, loader, false);
    }

    /** Sends the jobs buffered by {@link #submitBuffered}. */
    public void flush() {
        try {
            channel.flush();
        } catch (IOException e) {
            failPending();
        }
    }

    private CompletableFuture<Object> submit(byte[] serializedJob, ClassLoader loader, boolean now) {
        long id = ids.incrementAndGet();
        CompletableFuture<Object> result = new CompletableFuture<>();
        pending.put(id, new PendingJob(result, loader));
        try {
            if (now) {
                channel.send(FrameType.TASK, id, serializedJob);
            } else {
                channel.write(FrameType.TASK, id, serializedJob);
            }
        } catch (IOException e) {
            pending.remove(id);
            result.completeExceptionally(new JobNotStartedException(name + " (pid " + pid + ") cannot take work: it has exited"));
        }
        if (!isAlive()) {
            failPending();
        }
        return result;
    }

    /** Asks a pool worker to finish its work and exit. */
    public void shutdown() {
        try {
            channel.send(FrameType.SHUTDOWN, 0, new byte[0]);
        } catch (IOException e) {
            // already gone
        }
    }

    /** Sends SIGTERM, like Python's {@code terminate()}. */
    public void terminate() {
        if (isAlive()) {
            noteCpuSoFar(CpuClock.nanosOf(pid));
            signalSent = 15;
            os.toHandle().destroy();
        }
    }

    /** Sends SIGKILL, like Python's {@code kill()}. */
    public void kill() {
        if (isAlive()) {
            noteCpuSoFar(CpuClock.nanosOf(pid));
            signalSent = 9;
            os.toHandle().destroyForcibly();
        }
    }


    private void readFrames() {
        FrameChannel connected = connection;
        try {
            Frame frame;
            while ((frame = connected.receive()) != null) {
                switch (frame.type()) {
                    case CLASS_REQUEST -> answerClassRequest(frame);
                    case RESULT -> completeJob(frame);
                    case FAILURE -> failJob(frame);
                    case EXITING -> {
                        noteCpuSoFar(CpuClock.fromPayload(frame.payload()));
                        exitsByOwnCall = true;
                    }
                    case EVENT -> recordForwarded(frame);
                    case ENDED -> {
                        long cpu = CpuClock.fromPayload(frame.payload());
                        announcedCpu = cpu < 0 ? null : new CpuTime(cpu, true);
                        announcedStatus = (int) frame.id();
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            // the child is gone; exited() reports how it ended
        } finally {
            connected.close();
            framesEnded.countDown();
        }
        Integer announced = announcedStatus;
        if (announced != null) {
            jvm.finishing();
            awaitOutput();
            settle(announced);
        }
    }

    /** An event of a process the child started, or of one further down: the log shows the whole tree. */
    private void recordForwarded(Frame frame) {
        try {
            ProcessEvents.forwarded(EventCodec.decode(frame.payload()));
        } catch (IOException e) {
            // not an event this version can read: the frames after it still are
        }
    }

    private void answerClassRequest(Frame frame) throws IOException {
        String className = new String(frame.payload(), StandardCharsets.UTF_8);
        byte[] bytes = classes.bytesOf(className);
        channel.send(FrameType.CLASS_BYTES, frame.id(),
                bytes == null ? new byte[0] : ShippedClass.encode(bytes, classes.staticValuesOf(className), this::warnNotCopied));
    }

    /**
     * Tells the user that a notebook variable did not reach the child, naming what in it cannot
     * travel. ProcLab's own handles (the Process or Pool declared in the same cell as the task, or a
     * list of them) are never meant to travel: no note.
     */
    private void warnNotCopied(String variable, Object value, String offendingType) {
        String culprit = offendingType != null ? offendingType : value.getClass().getName();
        if (culprit.startsWith("org.proclab.mp.")) {
            return;
        }
        String type = value.getClass().getSimpleName();
        String simpleCulprit = culprit.substring(culprit.lastIndexOf('.') + 1);
        String what = culprit.equals(value.getClass().getName()) ? "(a " + type + ") is not Serializable"
                : "holds a " + simpleCulprit + ", which is not Serializable";
        System.err.print("Note: variable " + variable + " " + what + ", so " + name
                + " cannot get a copy of it and sees " + defaultOf(value) + " instead. Make " + simpleCulprit
                + " implement Serializable, or pass the values the task needs.\n");
        System.err.flush();
    }

    private static String defaultOf(Object value) {
        return value instanceof Number ? "0" : value instanceof Boolean ? "false" : "null";
    }

    private void completeJob(Frame frame) {
        PendingJob job = pending.remove(frame.id());
        if (job == null) {
            return;
        }
        try {
            job.result().complete(Serialization.fromBytes(frame.payload(), job.loader()));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            job.result().completeExceptionally(new IllegalStateException(
                    "the result from " + name + " cannot be read in the parent: " + e, e));
        }
    }

    private void failJob(Frame frame) {
        PendingJob job = pending.remove(frame.id());
        RemoteFailure failure;
        try {
            failure = (RemoteFailure) Serialization.fromBytes(frame.payload(), ChildProcess.class.getClassLoader());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            failure = new RemoteFailure(name, pid, "unknown", "the child's error could not be read: " + e, "", null);
        }
        Throwable thrown = rebuild(failure, job == null ? ChildProcess.class.getClassLoader() : job.loader());
        if (role == ChildRole.PROCESS) {
            PrintStream err = System.err;
            err.print("Process " + name + ":\n" + (thrown != null ? FailureText.renderTrace(thrown) : failure.trace()));
            err.flush();
        }
        if (job != null) {
            job.result().completeExceptionally(thrown != null ? thrown
                    : new RemoteTraceException(failure.typeName(), failure.message(), failure.trace()));
        }
    }

    private static Throwable rebuild(RemoteFailure failure, ClassLoader loader) {
        if (failure.exception() == null) {
            return null;
        }
        try {
            return (Throwable) Serialization.fromBytes(failure.exception(), loader);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }

    /** The child has exited: once its output and last frames are in, the exit code is known (unless it announced it). */
    private void exited() {
        awaitOutput();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int sent = signalSent;
        // a JVM signalled while it boots may end with status 1 ("Error occurred during initialization
        // of VM") instead of 128 + the signal: it ended because of the signal all the same
        settle(connection == null && sent != 0 ? -sent : pythonExitCode(os.exitValue(), sent, exitsByOwnCall));
    }

    /** Waits (a while) until the output pumps have passed on all the child printed. */
    private void awaitOutput() {
        try {
            for (OutputPump pump : pumps) {
                pump.awaitEnd(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Notes a CPU time of the child (in nanoseconds; negative: none could be read) that it may yet
     * exceed before it ends; the highest one noted stands.
     */
    private synchronized void noteCpuSoFar(long nanos) {
        CpuTime known = cpuSoFar;
        if (nanos >= 0 && (known == null || nanos > known.nanos())) {
            cpuSoFar = new CpuTime(nanos, false);
        }
    }

    /**
     * Records the child's end with {@code code}, once: its jobs settle, then its exit code. Its CPU
     * time is the one it announced with its end, else the latest lower bound known, else unknown.
     */
    private void settle(int code) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        LIVE.remove(this);
        CpuTime announced = announcedCpu;
        ProcessEvents.exited(name, pid, code, announced != null ? announced : cpuSoFar);
        // the jobs fail before the exit code is known, so that whoever waits for the exit (a pool's
        // join()) finds every result settled; the second call fails a job submitted in between
        runningWhenDied = pending.keySet().stream().mapToLong(Long::longValue).min().orElse(NO_JOB);
        failPending(code);
        exitCode.complete(code);
        failPending();
    }

    /** {@link #failPending(int)} once the child has exited; before that, nothing. */
    private void failPending() {
        if (exitCode.isDone()) {
            failPending(exitCode.join());
        }
    }

    /**
     * After the child died with {@code code}: the job it was running ({@link #runningWhenDied}, the
     * oldest when it died, as a child runs jobs in order) fails with {@link JobLostException}; jobs
     * it had not started, and jobs sent after it died, fail with {@link JobNotStartedException}, so
     * their sender can give them to another child.
     */
    private void failPending(int code) {
        for (long id : List.copyOf(pending.keySet())) {
            PendingJob job = pending.remove(id);
            if (job != null) {
                String how = name + " (pid " + pid + ") " + describeExit(code);
                job.result().completeExceptionally(id == runningWhenDied
                        ? new JobLostException(how + " while running a task")
                        : new JobNotStartedException(how + " before it started this task"));
            }
        }
    }

    /**
     * When a signal that this JVM did not send ended the child ({@code kill -9} in a terminal, the
     * system's out-of-memory killer), a line saying so: otherwise {@code join()} would just return
     * and the student would not know why the child stopped. Null in every other case.
     */
    private String outsideSignalNote() {
        try {
            framesEnded.await(1, TimeUnit.SECONDS);
            if (announcedStatus != null || !os.waitFor(1, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        int code = pythonExitCode(os.exitValue(), signalSent, exitsByOwnCall);
        if (code >= 0 || signalSent != 0) {
            return null;
        }
        return name + " (pid " + pid + ") " + describeExit(code)
                + ", a signal sent from outside this program (kill in a terminal, or the system running out of memory)\n";
    }

    /** {@code exited with code 3}, {@code was killed by SIGKILL (-9)}, ... */
    public static String describeExit(int code) {
        return switch (code) {
            case -9 -> "was killed by SIGKILL (-9)";
            case -15 -> "was terminated by SIGTERM (-15)";
            default -> code < 0 ? "was ended by signal " + (-code) + " (" + code + ")" : "exited with code " + code;
        };
    }

    /**
     * The Python-style exit code of a JVM status: minus the signal for {@code 128 + signal}, unless
     * the child said it exits by its own call (and this JVM did not send that very signal since:
     * {@code kill()} during a slow shutdown hook still reads as -9).
     */
    static int pythonExitCode(int exitValue, int signalSent, boolean ownCall) {
        if (signalSent != 0 && exitValue == 128 + signalSent) {
            return -signalSent;
        }
        if (ownCall) {
            return exitValue;
        }
        if (exitValue > 128 && exitValue <= 128 + 64) {
            return -(exitValue - 128);
        }
        return exitValue;
    }
}
