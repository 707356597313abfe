package org.proclab.mp;

import org.proclab.mp.shm.Liveness;

/**
 * Lets a thread that waits for a {@link Lock} or an {@link RLock} notice that the process holding
 * it has ended without releasing it, so the waiter can take the lock over instead of waiting forever.
 *
 * <p>Asking the OS whether a pid still runs costs a system call, so a waiter looks only every
 * {@value #INTERVAL_MILLIS} ms ({@link #due()}), not at every poll. One instance per wait.
 */
final class DeadHolderWatch {
    private static final long INTERVAL_MILLIS = 50;
    private static final long INTERVAL_NANOS = INTERVAL_MILLIS * 1_000_000L;

    private long nextLook = System.nanoTime() + INTERVAL_NANOS;

    /** Whether it is time to look at the holder again; true at most once per interval. */
    boolean due() {
        long now = System.nanoTime();
        if (now - nextLook < 0) {
            return false;
        }
        nextLook = now + INTERVAL_NANOS;
        return true;
    }

    /** Whether the process with this pid has ended; never true for nobody (0) or for this process. */
    static boolean hasEnded(long pid) {
        return pid != 0 && pid != Liveness.self() && !Liveness.isAlive(pid);
    }

    /** Tells the user on stderr that {@code what} ("a Lock") was taken over from {@code deadPid}. */
    static void reportTakeOver(String what, long deadPid) {
        System.err.println("Note: " + what + " was held by pid " + deadPid + ", which ended without releasing it; "
                + Process.current().name() + " (pid " + Liveness.self() + ") took it over."
                + " Data the lock protected may be half-updated.");
    }
}
