package org.proclab.mp.spawn;

/**
 * Threads that serve no particular caller, such as the threads of a pool's long-lived workers. Their
 * group hangs from the root group, so they never belong to whoever happened to create them (in the
 * kernel: output of these threads goes to the cell that is running).
 */
public final class SpawnThreads {
    private static final ThreadGroup SHARED = new ThreadGroup(root(), "proclab-shared");

    private SpawnThreads() {
    }

    /**
     * A thread of the shared group that takes nothing from the thread that makes it: neither its group
     * nor its inheritable thread-locals. Such threads are made by whoever first needs them, in the
     * kernel often a cell; a thread-local inherited from a cell (the cell that its virtual threads
     * belong to) would keep that cell reachable for as long as the thread lives, and a shutdown hook's
     * thread for the kernel's life.
     */
    public static Thread newThread(Runnable task, String name) {
        return new Thread(SHARED, task, name, 0, false);
    }

    private static ThreadGroup root() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
