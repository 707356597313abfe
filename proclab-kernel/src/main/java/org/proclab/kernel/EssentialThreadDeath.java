package org.proclab.kernel;

import java.io.PrintStream;
import org.proclab.engine.exec.CellThreadGroup;

/**
 * The JVM's handler for threads that die of an exception nobody caught, outside the cells (whose
 * threads report to their cell; a cell's virtual threads are handed to it here). When a thread the kernel cannot work without dies, one of the
 * threads that own its sockets or a ZeroMQ I/O thread, typically of an
 * {@link OutOfMemoryError} while a cell filled the heap, the kernel would go on running but answer
 * nothing. Instead it writes why to the kernel log and ends, so that Jupyter says the kernel died
 * and restarts it. Other threads' deaths, and any once the kernel is shutting down, are only logged.
 */
final class EssentialThreadDeath implements Thread.UncaughtExceptionHandler {
    /** The exit status of a kernel that ended because an essential thread died. */
    static final int STATUS = 3;
    /**
     * The threads that own the kernel's sockets, by exact name (other ProcLab threads carry process
     * names, which users choose). The shell and control workers are not among them: their executors
     * replace a worker that dies.
     */
    private static final String[] ESSENTIAL_NAMES = {"proclab-shell", "proclab-control", "proclab-iopub",
        "proclab-stdin", "proclab-heartbeat"};
    /** JeroMQ's, numbered. */
    private static final String[] ESSENTIAL_PREFIXES = {"iothread-", "reaper-"};

    private final PrintStream kernelLog;
    private volatile boolean shuttingDown;

    EssentialThreadDeath(PrintStream kernelLog) {
        this.kernelLog = kernelLog;
    }

    /**
     * Whether the kernel cannot work without this thread (by the names the kernel and JeroMQ give
     * them). It allocates nothing: it runs when the heap may be full.
     */
    static boolean isEssential(Thread thread) {
        String name = thread.getName();
        for (String essential : ESSENTIAL_NAMES) {
            if (name.equals(essential)) {
                return true;
            }
        }
        for (String prefix : ESSENTIAL_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** From now on the kernel is closing its sockets: threads that end are no reason to halt. */
    void shuttingDown() {
        shuttingDown = true;
    }

    /**
     * Reports the death; for an essential thread, ends the JVM even when the report itself fails. A
     * cell's virtual thread comes here too (it is in the JDK's group of virtual threads, not its
     * cell's): its cell reports it, as it does for the cell's other threads.
     */
    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        CellThreadGroup cell = thread == Thread.currentThread() ? CellThreadGroup.of(thread) : null;
        if (cell != null) {
            cell.uncaughtException(thread, failure);
            return;
        }
        boolean essential = !shuttingDown && isEssential(thread);
        try {
            kernelLog.println("[ProcLab] thread " + thread.getName() + " died: " + failure);
            failure.printStackTrace(kernelLog);
            if (essential) {
                kernelLog.println("[ProcLab] the kernel cannot work without that thread; it ends now so that Jupyter"
                        + " restarts it");
            }
            kernelLog.flush();
        } finally {
            if (essential) {
                Runtime.getRuntime().halt(STATUS);
            }
        }
    }
}
