package org.proclab.mp;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.proclab.mp.spawn.ChildName;
import org.proclab.mp.spawn.ChildProcess;
import org.proclab.mp.spawn.ChildStartException;
import org.proclab.mp.spawn.CurrentProcess;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * A real operating-system process: a child JVM that runs one {@link Task}, like Python's
 * {@code multiprocessing.Process}.
 *
 * <pre>{@code
 * var p = new Process(() -> System.out.println("hello from " + Process.current().name()));
 * p.start();   // a new JVM with its own pid and memory
 * p.join();    // wait for it; p.exitCode() is now 0
 * }</pre>
 *
 * <p>The child does not share the parent's memory: it gets a copy of what the task captures. Its
 * output appears in the parent's output (in a notebook: the cell that started it), line by line,
 * while it runs.
 *
 * <p>{@link #exitCode()} is null while the child runs, 0 after success, 1 after an uncaught
 * exception, {@code n} after {@code System.exit(n)}, and {@code -15} / {@code -9} when it was ended
 * by SIGTERM / SIGKILL ({@link #terminate()} / {@link #kill()}).
 */
public class Process {
    private static final Process CURRENT = new Process(new ChildName(CurrentProcess.name(), CurrentProcess.identity()),
            CurrentProcess.pid());
    private final Task target;
    private final MpContext context;
    private final ChildName naming;
    private final Long currentPid;
    private boolean daemon;
    private volatile ChildProcess child;

    /**
     * A process that will run {@code target}, named {@code Process-N} as in Python: numbered from 1
     * in the notebook, {@code Process-N:M} when process {@code N} starts processes of its own.
     */
    public Process(Task target) {
        this(target, ChildName.next("Process"), MpContext.defaultContext());
    }

    /** A process that will run {@code target}, with a name of your choice. */
    public Process(Task target, String name) {
        this(target, ChildName.named(name), MpContext.defaultContext());
    }

    /** A process that {@code context} starts ({@link MpContext#process}). */
    Process(Task target, ChildName naming, MpContext context) {
        if (target == null) {
            throw new IllegalArgumentException("a Process needs a task, e.g. new Process(() -> work())");
        }
        this.target = target;
        this.naming = naming;
        this.context = context;
        this.currentPid = null;
    }

    private Process(ChildName naming, Long pid) {
        this.target = null;
        this.context = null;
        this.naming = naming;
        this.currentPid = pid;
    }

    /** A view of a pool worker, for tools that list processes. */
    static Process of(ChildProcess worker) {
        Process view = new Process(new ChildName(worker.name(), ""), null);
        view.child = worker;
        return view;
    }

    /**
     * Chooses how new processes and pools start from now on, like Python's
     * {@code multiprocessing.set_start_method}: {@link StartMethod#WARM} starts filling the
     * reservoir of waiting JVMs right away, {@link StartMethod#SPAWN} retires them. It sets the
     * {@linkplain MpContext#defaultContext() default context}'s method; a context from
     * {@link MpContext#get} keeps its own.
     */
    public static void setStartMethod(StartMethod method) {
        MpContext.defaultContext().setStartMethod(method);
    }

    /**
     * The start method new processes use unless changed: {@link StartMethod#WARM} in the notebook,
     * {@link StartMethod#SPAWN} in a child process, so that a child which starts processes of its own
     * does not keep JVMs waiting as well.
     */
    public static StartMethod startMethod() {
        return MpContext.defaultContext().startMethod();
    }

    /** The process this code runs in: {@code MainProcess} in the kernel, the child's name in a child. */
    public static Process current() {
        return CURRENT;
    }

    /**
     * Starts the child JVM and returns as soon as the operating system has created it, as Python's
     * {@code start()} does: the pid is known and {@link #isAlive()} is true, while the JVM boots and
     * receives its task in the background. So processes started in a loop boot and run at the same
     * time. A child that cannot boot (a bad JVM option, say) ends with an exit code, and
     * {@link #join()} throws a {@link ProcessStartException} that names the cause.
     *
     * @throws IllegalStateException if this process was started before, or is {@link #current()}
     * @throws NotSerializableValueException if the task captures a value that cannot travel
     * @throws ProcessStartException if no child can be started (the limit of live
     *         children is reached, no java to run, ...)
     */
    public synchronized Process start() {
        if (child != null) {
            throw new IllegalStateException("cannot start a process twice: " + naming.name() + " was started already");
        }
        if (target == null) {
            throw new IllegalStateException("the current process is already running; start() is for new processes");
        }
        long called = System.nanoTime();
        Task task = target;
        String what = "the task of " + naming.name();
        byte[] serialized = Serialized.bytesOf(new ProcessJob(Serialized.bytesOf(task, what)), what);
        StartMethod method = context.startMethod();
        try {
            child = ChildProcess.launchForTask(method.obtain(context, naming.name()), context.settings().classSource(),
                    naming, daemon, called, serialized, task.getClass().getClassLoader());
        } catch (ChildStartException e) {
            throw Failures.userFacing(e);
        }
        method.prepare(context, 1);
        return this;
    }

    /**
     * Waits until the child has exited and all its output has arrived.
     *
     * @throws ProcessStartException if the child ended before it could run its task
     *         (it could not boot), naming the cause; {@link #exitCode()} is set all the same
     */
    public void join() throws InterruptedException {
        ChildProcess running = started("join");
        long began = System.nanoTime();
        try {
            running.exitCode().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        joined(running, began);
    }

    /**
     * Waits at most {@code timeout}; afterwards {@link #isAlive()} tells whether the child ended.
     *
     * @throws ProcessStartException as {@link #join()} does
     */
    public void join(Duration timeout) throws InterruptedException {
        ChildProcess running = started("join");
        long began = System.nanoTime();
        try {
            running.exitCode().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        joined(running, began);
    }

    private void joined(ChildProcess ended, long began) {
        ProcessEvents.joined(naming.name(), ended.pid(), began, System.nanoTime());
        if (ended.startFailure() != null) {
            throw Failures.userFacing(ended.startFailure());
        }
    }

    public String name() {
        return naming.name();
    }

    /** The OS pid, or null before {@link #start()}. */
    public Long pid() {
        if (currentPid != null) {
            return currentPid;
        }
        ChildProcess running = child;
        return running == null ? null : running.pid();
    }

    /** Null while running (or before start), else the exit code as described above. */
    public Integer exitCode() {
        ChildProcess running = child;
        return running == null ? null : running.exitCode().getNow(null);
    }

    public boolean isAlive() {
        if (currentPid != null) {
            return true;
        }
        ChildProcess running = child;
        return running != null && running.isAlive();
    }

    /** Asks the child to stop (SIGTERM); its exit code becomes -15. */
    public void terminate() {
        ChildProcess running = child;
        if (running != null) {
            running.terminate();
        }
    }

    /** Ends the child at once (SIGKILL); its exit code becomes -9. */
    public void kill() {
        ChildProcess running = child;
        if (running != null) {
            running.kill();
        }
    }

    /** Whether the child is a daemon: daemon children are ended when their starter finishes. */
    public boolean daemon() {
        return daemon;
    }

    /** Marks the process as a daemon (before {@link #start()}); returns this for chaining. */
    public synchronized Process daemon(boolean isDaemon) {
        if (child != null) {
            throw new IllegalStateException("daemon can only be set before start()");
        }
        daemon = isDaemon;
        return this;
    }

    @Override
    public String toString() {
        Integer code = exitCode();
        String state = currentPid != null ? "started" : child == null ? "initial" : code == null ? "started" : "stopped";
        return "<Process name='" + naming.name() + "'" + (pid() == null ? "" : " pid=" + pid()) + " " + state
                + (code == null ? "" : " exitcode=" + code) + (daemon ? " daemon" : "") + ">";
    }

    private ChildProcess started(String action) {
        ChildProcess running = child;
        if (currentPid != null) {
            throw new IllegalStateException("cannot " + action + " the current process");
        }
        if (running == null) {
            throw new IllegalStateException("can only " + action + " a started process: call start() first");
        }
        return running;
    }
}
