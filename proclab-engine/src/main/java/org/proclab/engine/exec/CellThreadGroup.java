package org.proclab.engine.exec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.StreamName;

/**
 * The thread group of one cell. Cell code runs in it, and every thread the code starts joins it
 * (Java puts a new thread in its creator's group), so the kernel knows which cell a thread belongs
 * to: its output goes to that cell and the stop button stops it.
 *
 * <p>Threads of the JDK's shared common fork-join pool are the exception: whichever cell first
 * used the pool created them, but they serve every cell, so they belong to none.
 */
public final class CellThreadGroup extends ThreadGroup {
    /** The cell of the snippet thread that started a virtual thread, inherited by the virtual threads it starts. */
    private static final InheritableThreadLocal<CellThreadGroup> STARTED_IN = new InheritableThreadLocal<>();
    private final int executionCount;
    private final CellOutput output;
    private volatile boolean stopped;

    public CellThreadGroup(ThreadGroup parent, int executionCount, CellOutput output) {
        super(parent, "cell-" + executionCount);
        this.executionCount = executionCount;
        this.output = output;
    }

    public int executionCount() {
        return executionCount;
    }

    public CellOutput output() {
        return output;
    }

    /** Whether the cell was stopped: its threads end at their next instrumented loop turn or method. */
    boolean isStopped() {
        return stopped;
    }

    /** Marks the cell stopped, for good: a stopped cell's threads have nothing left to do. */
    void markStopped() {
        stopped = true;
    }

    /**
     * The threads of this group alive now, listed from the group's own record (no stack traces, no
     * pause of the JVM), so that listing thousands of them takes microseconds.
     */
    List<Thread> liveThreads() {
        return listed(this);
    }

    /** The live threads of a group and its subgroups. */
    static List<Thread> listed(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 64];
        int count = group.enumerate(threads, true);
        while (count == threads.length) {
            threads = new Thread[threads.length * 2];
            count = group.enumerate(threads, true);
        }
        return Arrays.asList(threads).subList(0, count);
    }

    /**
     * Makes the calling thread, a snippet's, the start of its cell's virtual threads: they join no
     * thread group of ours, so they carry the cell with them instead ({@link VirtualThreads}).
     */
    void startsVirtualThreadsOfThisCell() {
        STARTED_IN.set(this);
    }

    /**
     * The cell group a thread belongs to, or null for kernel threads and shared pool threads. A virtual
     * thread's cell is known to that thread only: ask it for {@code Thread.currentThread()}, as the
     * kernel's output routing and stop checks do.
     */
    public static CellThreadGroup of(Thread thread) {
        if (isCommonPoolWorker(thread)) {
            return null;
        }
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (group instanceof CellThreadGroup cell) {
                return cell;
            }
        }
        return thread == Thread.currentThread() && VirtualThreads.isVirtual(thread) ? STARTED_IN.get() : null;
    }

    /** True for a worker of the JDK's shared common fork-join pool, which serves every cell. */
    static boolean isCommonPoolWorker(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }

    /** The output of the cell a thread belongs to, or null. */
    public static CellOutput outputOf(Thread thread) {
        CellThreadGroup cell = of(thread);
        return cell == null ? null : cell.output();
    }

    /**
     * Reports an exception that ended a thread the cell started, in the cell's stderr and in plain
     * words; a stopped thread ends quietly.
     */
    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (failure instanceof CellStoppedError) {
            return;
        }
        String text = failure instanceof ExitCalledError exit
                ? "Thread \"" + thread.getName() + "\" called " + exit.call() + "(" + exit.status()
                        + "); the kernel keeps running and the thread ended.\n"
                : "Exception in thread \"" + thread.getName() + "\" " + StackTraces.render(failure);
        output.writeText(StreamName.STDERR, text);
    }
}
