package org.proclab.mp;

import org.proclab.mp.shm.Liveness;

/**
 * One thread of one process in a single long, as {@link Lock} and {@link RLock} store their holder
 * in shared memory: the pid in the high 32 bits (Linux pids stay below 2^22), the thread's id in
 * the low 32. Zero is nobody.
 */
final class ThreadKey {
    private ThreadKey() {
    }

    /** The calling thread. */
    static long current() {
        return of(Liveness.self(), Thread.currentThread().getId());
    }

    /** Thread {@code thread} of process {@code pid}. */
    static long of(long pid, long thread) {
        return pid << 32 | (thread & 0xffffffffL);
    }

    /** The process part of a key. */
    static long pid(long key) {
        return key >>> 32;
    }

    /** The thread part of a key. */
    static long thread(long key) {
        return key & 0xffffffffL;
    }
}
