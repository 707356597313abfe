package org.proclab.mp.spawn;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for the shutdown hooks of a child's task, so that the child closes its pipes to the
 * parent only after them: until then a task's hook can still load a class from the parent (in the
 * kernel: a method of another cell that the hook calls).
 *
 * <p>The JDK starts all shutdown hooks at once, and can neither order them nor list them. So this
 * first waits until the thread in {@code Runtime.exit} has started every hook (it then waits for
 * them), then waits for every other live thread that is not a daemon, which is what a task's hook
 * is unless the task made it one. It leaves out the thread that runs the task, which may still be
 * running it after a signal. A task that leaves threads of its own running, such as an executor it
 * never shut down, therefore makes the child wait until the limit.
 */
final class TaskShutdownHooks {
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private TaskShutdownHooks() {
    }

    /**
     * Returns when the other non-daemon threads have ended, or after {@code limitMillis}.
     *
     * @param likelyExiting the thread that probably called {@code Runtime.exit}: the one that
     *                      handled a signal, else the task's; when it did not, the others are searched
     */
    static void await(Thread taskThread, Thread likelyExiting, long limitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        Thread exiting = runsExit(likelyExiting) ? likelyExiting : findExiting();
        if (exiting != null) {
            allHooksStarted(exiting, deadline);
        }
        for (Thread thread : liveThreads()) {
            if (thread == Thread.currentThread() || thread == taskThread || thread == exiting || thread.isDaemon()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * For a child exiting after its jobs ({@code taskThread} called {@code System.exit}): waits until
     * every shutdown hook has started, at most {@code limitMillis}, and says whether no other thread
     * that is not a daemon is left, which is what a task's hook or its forgotten thread would be.
     */
    static boolean noneRunning(Thread taskThread, long limitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        if (!allHooksStarted(taskThread, deadline)) {
            return false;
        }
        for (Thread thread : liveThreads()) {
            if (thread != Thread.currentThread() && thread != taskThread && !thread.isDaemon()) {
                return false;
            }
        }
        return true;
    }

    /** Waits until {@code exiting}, in {@code Runtime.exit}, has started every hook and waits for them. */
    private static boolean allHooksStarted(Thread exiting, long deadline) {
        while (exiting.getState() != Thread.State.WAITING && exiting.isAlive()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** The non-daemon thread in {@code Runtime.exit} (a task's own thread that called it), or null. */
    private static Thread findExiting() {
        for (Thread thread : liveThreads()) {
            if (thread != Thread.currentThread() && !thread.isDaemon() && runsExit(thread)) {
                return thread;
            }
        }
        return null;
    }

    /** Whether the thread is in {@code Runtime.exit}, which starts the hooks and then waits for them (WAITING). */
    private static boolean runsExit(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.lang.Shutdown")) {
                return true;
            }
        }
        return false;
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        return Arrays.copyOf(threads, root.enumerate(threads, true));
    }
}
