package org.proclab.mp.spawn;

/**
 * The thread group for threads that serve no particular caller, such as the threads of a pool's
 * long-lived workers. It hangs from the root group, so it never belongs to whoever happened to
 * create it (in the kernel: output of these threads goes to the cell that is running).
 */
public final class SpawnThreads {
    private static final ThreadGroup SHARED = new ThreadGroup(root(), "proclab-shared");

    private SpawnThreads() {
    }

    public static ThreadGroup shared() {
        return SHARED;
    }

    private static ThreadGroup root() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
