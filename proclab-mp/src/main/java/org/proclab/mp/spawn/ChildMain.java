package org.proclab.mp.spawn;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import sun.misc.Signal;

/**
 * The main class of a child JVM. It reads frames from its parent on its standard input and answers
 * through the named pipe given on its command line ({@link ChildPipes}), then runs the jobs it
 * receives: one for a {@code Process} (then exits), many for a pool worker. Code in the child that
 * reads {@code System.in} reads nothing, as in a child of Python's {@code multiprocessing}.
 *
 * <p>The child exits as soon as its standard input reaches end-of-file: the operating system
 * closes the parent's end when the parent dies, however it dies, so children follow their parent.
 *
 * <p>Before exiting, the child closes its pipes itself, so no thread is left blocked in a native
 * read: HotSpot waits about 300 ms for such threads when the JVM exits. It does so however it exits:
 * after its task, by a {@code System.exit} of the task, or by a signal ({@code terminate()}).
 *
 * <p>A child learns who it is from its first frame (ASSIGN), not from its arguments, so a child can
 * be started ahead of time and wait, warm, until a cell needs a process (the WARM start method).
 * While it waits it warms up ({@link WaitingWarmUp}), so that the first real task does not pay for
 * first uses of serialization, lambdas and its own classes. A child started for work at once
 * ({@link Purpose#WORK}) skips that step rather than delay its task.
 *
 * <p>Arguments: {@code PIPE WORK|WAIT}.
 */
public final class ChildMain {
    /**
     * The status of a child whose parent disappeared: it is not 0, and, as the parent is gone, nobody
     * reads it. Processes further up record it as the exit code of a grandchild whose parent ended
     * before the grandchild's end could be reported ({@link ProcessEvents}).
     */
    public static final int PARENT_GONE = 70;
    /** How long the exit report waits for the task's shutdown hooks before it closes its pipes. */
    private static final long TASK_HOOKS_MILLIS = 300;
    /** How often an exiting child, whose pipes are closed, looks whether its parent is still there. */
    private static final long PARENT_WATCH_MILLIS = 100;
    private static volatile boolean leaving;
    /** Opens when the child closes its pipes on purpose: from then on its parent process is watched. */
    private static final CountDownLatch LEAVING = new CountDownLatch(1);
    /** Set when a signal, not a call of the child's own, started the JVM's shutdown: the thread that handles it. */
    private static volatile Thread signalHandler;
    /** {@link #endedStatus} while the jobs still run, or when a task called {@code System.exit} itself. */
    private static final int STILL_RUNNING = -1;
    /** The status the child exits with once its jobs are done (set just before it calls {@code System.exit}). */
    private static volatile int endedStatus = STILL_RUNNING;

    private ChildMain() {
    }

    /**
     * Why a child JVM is started: to run work that is already on its way, or to wait in the
     * {@link Reservoir} until work comes. Only a waiting child warms up: one started for work would
     * only delay its task by warming up what the task warms up anyway.
     *
     * <p>A child started for work also compiles later ({@code -XX:CompileThresholdScaling=3}): its JIT
     * compiles a method after three times as many calls or loop turns as by default, so most methods
     * that its start and first task call a few hundred times stay interpreted, where compiling them cost
     * more CPU than it saved; code that stays hot is compiled as before, a little later. A waiting
     * child keeps the default, so that its warm-up leaves compiled code for its first task (decision
     * 047). The option comes first on the command line, so children's options given in
     * {@link ChildSettings} override it.
     */
    enum Purpose {
        WORK("-XX:CompileThresholdScaling=3"), WAIT;

        private final List<String> jvmOptions;

        Purpose(String... jvmOptions) {
            this.jvmOptions = List.of(jvmOptions);
        }

        /** The JVM options of a child started for this purpose, before any other. */
        List<String> jvmOptions() {
            return jvmOptions;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("ChildMain is started by ProcLab, not by hand (PIPE WORK|WAIT)");
            System.exit(2);
        }
        Purpose purpose = Purpose.valueOf(args[1]);
        prepareDeserializationMeanwhile();
        FrameChannel channel = FrameChannel.of(new FileInputStream(FileDescriptor.in).getChannel(), openPipeBack(args[0]));
        System.setIn(InputStream.nullInputStream());
        long pid = ProcessHandle.current().pid();
        channel.send(FrameType.HELLO, 0, new byte[0]);
        ProcessHandle.current().parent().ifPresent(ChildMain::watchParentOnceLeaving);
        reportOwnExit(channel);
        ShippedClassLoader loader = new ShippedClassLoader(channel, ChildMain.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        UserClasses.use(loader);
        BlockingQueue<Frame> jobs = new LinkedBlockingQueue<>();
        Thread reader = startReader(channel, loader, jobs);
        if (purpose == Purpose.WAIT) {
            WaitingWarmUp.run(jobs);
        }
        ProcessEvents.forwardTo(event -> forward(channel, event));
        ThreadsOfTask threadsOfTask = ThreadsOfTask.watchCallingThread();
        Frame assignment = jobs.take();
        if (assignment.type() != FrameType.ASSIGN) {
            System.exit(0);
        }
        String[] assigned = new String(assignment.payload(), StandardCharsets.UTF_8).split(" ", 3);
        ChildRole role = ChildRole.valueOf(assigned[0]);
        String name = assigned[2];
        CurrentProcess.become(new ChildName(name, assigned[1]), role);
        int status;
        try {
            status = runJobs(channel, loader, jobs, name, pid, role);
        } catch (IOException e) {
            if (!leaving) {
                throw e;
            }
            return; // the JVM is exiting (a signal, or System.exit in another thread) and has closed the pipes
        }
        endOwnChildren();
        ClassesToArchive.loadIfArchiving();
        endedStatus = status;
        if (!threadsOfTask.anyMade()) {
            announceEnd(channel, status);
            leave(channel);
        }
        System.exit(status);
    }

    /**
     * Initializes Java's deserialization filter in another thread while the child connects and waits
     * for its task. Its static initializer asks for a system logger, which looks for logging
     * back-ends on the class path and reads the security properties: ~18 ms of one core in a fresh
     * JVM, which the task's first read would otherwise wait for (measured with class-load times).
     */
    private static void prepareDeserializationMeanwhile() {
        Thread preparer = new Thread(ObjectInputFilter.Config::getSerialFilter, "proclab-prepare");
        preparer.setDaemon(true);
        preparer.start();
    }

    /**
     * Opens the named pipe to the parent for reading and writing, not only writing: that never waits,
     * where opening it for writing waits until the parent opens it for reading, which a parent that
     * died while this JVM booted never does. The child then reads its standard input's end and exits.
     */
    private static OutputStream openPipeBack(String path) throws IOException {
        return new FileOutputStream(new RandomAccessFile(path, "rw").getFD());
    }

    /**
     * Passes an event of a process this child started (or of one further down) to the parent, which
     * records it, so the kernel shows the whole tree. Once the child is leaving, or its parent is gone,
     * the event is lost: the parent then records an end for what it did not hear end (see
     * {@link ProcessEvents}).
     */
    private static void forward(FrameChannel channel, ProcessEvents.Event event) {
        try {
            channel.send(FrameType.EVENT, 0, EventCodec.encode(event));
        } catch (IOException e) {
            // leaving, or the parent is gone: nobody to tell
        }
    }

    private static int runJobs(FrameChannel channel, ShippedClassLoader loader, BlockingQueue<Frame> jobs,
                               String name, long pid, ChildRole role) throws InterruptedException, IOException {
        while (true) {
            Frame frame = jobs.take();
            if (frame.type() == FrameType.SHUTDOWN) {
                return 0;
            }
            boolean succeeded = runJob(channel, loader, frame, name, pid);
            if (role == ChildRole.PROCESS) {
                return succeeded ? 0 : 1;
            }
        }
    }

    private static boolean runJob(FrameChannel channel, ClassLoader loader, Frame frame, String name, long pid)
            throws IOException {
        Object value;
        try {
            ChildJob job = (ChildJob) Serialization.fromBytes(frame.payload(), loader);
            value = job.run();
        } catch (Throwable failure) {
            channel.send(FrameType.FAILURE, frame.id(), Serialization.toBytes(describe(failure, name, pid), "an error report"));
            return false;
        }
        byte[] result;
        try {
            result = Serialization.toBytes(value, "the result of a task in " + name);
        } catch (UnserializableValueException e) {
            channel.send(FrameType.FAILURE, frame.id(), Serialization.toBytes(describe(e, name, pid), "an error report"));
            return false;
        } catch (OutOfMemoryError e) {
            value = null; // let the collector take the result, so there is room to report the error
            OutOfMemoryError tooLarge = new OutOfMemoryError("the result of a task in " + name
                    + " is too large to send: serializing it needs more than the child's heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; return less (or give children more: ChildSettings.withHeap)");
            channel.send(FrameType.FAILURE, frame.id(), Serialization.toBytes(describe(tooLarge, name, pid), "an error report"));
            return false;
        }
        channel.send(FrameType.RESULT, frame.id(), result);
        return true;
    }

    /**
     * Tells the parent when the JVM exits by a call of its own rather than by a signal. The parent
     * sees only the exit status, and the JVM reports a signal <i>n</i> as status 128 + <i>n</i>, so
     * without this a task's {@code System.exit(130)} would read as "ended by SIGINT". The JVM's own
     * handlers for TERM, INT and HUP are replaced by ones that do the same (exit with 128 + <i>n</i>,
     * running the shutdown hooks) and first note that a signal came. A signal that cannot be
     * handled (ignored from the start, as under {@code nohup}) keeps its default.
     *
     * <p>The same hook then {@linkplain #leave leaves}, so that the JVM does not wait for the frame
     * reader at exit: without it, the parent saw a child end about 300 ms after its
     * {@code System.exit} or its signal. It leaves once the task's own shutdown hooks are done
     * ({@link TaskShutdownHooks}), as they may still need classes from the parent, and it waits for
     * them no longer than the JVM waited for the reader.
     *
     * <p>A child whose jobs are done and whose task made no thread at all ({@link ThreadsOfTask}) has
     * no shutdown hook of its task to wait for: it tells its parent its status, ends its output and
     * leaves before it calls {@code System.exit} ({@link #announceEnd}), so the parent's
     * {@code join()} returns without waiting for the hook to start (a thread start, ~1-3 ms on busy
     * cores) nor the ~5 ms the JVM then takes to tear itself down. A child whose task made threads but
     * left none running at its end (no shutdown hook, no forgotten thread) does the same from the
     * hook. Otherwise it says only that it exits by its own call, with the CPU time it has used so
     * far, and leaves at once, as its task's threads are only cut short by the exit, and the parent
     * waits for the process to end.
     */
    private static void reportOwnExit(FrameChannel channel) {
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    signalHandler = Thread.currentThread();
                    Runtime.getRuntime().exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // this signal is reserved or ignored here: the JVM's default stays
            }
        }
        Thread taskThread = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (leaving) {
                return;
            }
            int ended = endedStatus;
            if (ended != STILL_RUNNING) {
                if (TaskShutdownHooks.noneRunning(taskThread, TASK_HOOKS_MILLIS)) {
                    announceEnd(channel, ended);
                } else {
                    reportExiting(channel);
                }
                leave(channel);
                return;
            }
            Thread handler = signalHandler;
            if (handler == null) {
                reportExiting(channel);
            }
            TaskShutdownHooks.await(taskThread, handler != null ? handler : taskThread, TASK_HOOKS_MILLIS);
            leave(channel);
        }, "proclab-exit-report"));
    }

    /**
     * Tells the parent that the JVM exits by its own call, not by a signal, and the CPU time it has
     * used so far ({@link CpuClock}), which its shutdown hooks and leftover threads may still add to.
     */
    private static void reportExiting(FrameChannel channel) {
        try {
            channel.send(FrameType.EXITING, 0, CpuClock.ownPayload());
        } catch (IOException e) {
            // the parent is gone: nobody to tell
        }
    }

    /**
     * Tells the parent the status the child exits with and the CPU time it used ({@link CpuClock}:
     * ~0.25 ms), then ends its standard output and error
     * (the JDK points them at /dev/null), so the parent has all of the child's output and its status
     * before the JVM has finished exiting. Only for an end that nothing else in the child can change.
     */
    private static void announceEnd(FrameChannel channel, int status) {
        try {
            channel.send(FrameType.ENDED, status, CpuClock.ownPayload());
        } catch (IOException e) {
            return; // the parent is gone: nobody to tell
        }
        System.out.close();
        System.err.close();
    }

    /**
     * Before a child whose task has returned exits, it waits for the processes it started and did
     * not join, and terminates its daemon ones, as Python's processes do at exit: otherwise they would
     * die with it (they watch their parent) in the middle of their work. It also waits until the
     * JVMs of the ones that announced their end have exited, so that their places among the
     * session's live children are free before its own parent hears that it ended. A child that
     * started none skips this without loading the classes that keep track of children.
     */
    private static void endOwnChildren() throws InterruptedException {
        if (!OwnChildren.anyStarted()) {
            return;
        }
        for (ChildProcess child : ChildProcess.live()) {
            if (child.isDaemon()) {
                child.terminate();
            }
        }
        for (ChildProcess child : ChildProcess.live()) {
            try {
                child.exitCode().get();
            } catch (ExecutionException e) {
                // it ended however it ended: its own exit was reported to its parent
            }
        }
        ChildJvm.awaitFinishingExits();
    }

    /**
     * Flushes the child's output and closes its pipes on purpose, so that the frame reader ends
     * instead of halting the JVM as it does when the parent is gone. Frames sent before, EXITING
     * included, still reach the parent. Without them the child no longer sees its parent die,
     * so the parent process is watched instead while the JVM finishes exiting: a shutdown hook of
     * the task that never returns would otherwise outlive the notebook.
     */
    private static void leave(FrameChannel channel) {
        System.out.flush();
        System.err.flush();
        leaving = true;
        channel.close();
        LEAVING.countDown();
    }

    /**
     * Starts the thread that, once the child is leaving, halts it when the parent process ends. It
     * starts with the child and waits, because starting a thread on the way out costs about a
     * millisecond of every child's end. A plain thread that looks every 100 ms, not
     * {@code ProcessHandle.onExit()}: that sets up the JDK's process reaper, which costs a child
     * about 2 ms on its way out, and for a process that is not our child it polls too, only slower.
     */
    private static void watchParentOnceLeaving(ProcessHandle parent) {
        Thread watch = new Thread(() -> {
            try {
                LEAVING.await();
                while (parent.isAlive()) {
                    Thread.sleep(PARENT_WATCH_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "proclab-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static RemoteFailure describe(Throwable failure, String name, long pid) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        byte[] exception;
        try {
            exception = Serialization.toBytes(failure, "the exception");
        } catch (RuntimeException e) {
            exception = null;
        }
        return new RemoteFailure(name, pid, failure.getClass().getName(), failure.getMessage(), trace.toString(), exception);
    }

    /**
     * Reads frames from the parent; when the parent is gone (and not because we are leaving), exits
     * at once. When we are leaving, it only ends, failing the class requests that will get no
     * answer now: the main thread waits for it and then exits.
     */
    private static Thread startReader(FrameChannel channel, ShippedClassLoader loader, BlockingQueue<Frame> jobs) {
        Thread reader = new Thread(() -> {
            try {
                Frame frame;
                while ((frame = channel.receive()) != null) {
                    if (frame.type() == FrameType.CLASS_BYTES) {
                        loader.deliver(frame.id(), frame.payload());
                    } else {
                        jobs.add(frame);
                    }
                }
            } catch (IOException e) {
                // the pipe ended: either we are leaving or the parent is gone
            }
            if (!leaving) {
                Runtime.getRuntime().halt(PARENT_GONE);
            }
            loader.disconnect();
        }, "proclab-child-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
