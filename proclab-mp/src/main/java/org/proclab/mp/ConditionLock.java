package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;

/**
 * The lock a {@link Condition} is bound to, seen the way waiting needs it: released completely
 * while the thread waits, then taken back as it was, whether it is a {@link Lock} or an {@link RLock}.
 */
sealed interface ConditionLock extends Serializable {
    void acquire() throws InterruptedException;

    boolean acquire(Duration timeout) throws InterruptedException;

    void release();

    /** The {@link Lock} or {@link RLock} itself. */
    Object underlying();

    /** Whether the caller may wait on or signal the condition: it holds the lock. */
    boolean heldByCaller();

    /** Releases the lock however often the caller took it; returns what {@link #restore} needs. */
    int releaseFully();

    /**
     * Takes the lock back as {@link #releaseFully()} left it. Interrupts do not stop it (they are
     * kept for the caller), so that a wait always ends with the lock held, as its caller expects.
     */
    void restore(int saved);

    static ConditionLock of(Lock lock) {
        return new OfLock(lock);
    }

    static ConditionLock of(RLock lock) {
        return new OfRLock(lock);
    }

    private static void acquireUninterruptibly(ConditionLock lock) {
        boolean interrupted = false;
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A plain lock: any thread of the process holding it counts as the holder. */
    record OfLock(Lock lock) implements ConditionLock {
        @Override
        public void acquire() throws InterruptedException {
            lock.acquire();
        }

        @Override
        public boolean acquire(Duration timeout) throws InterruptedException {
            return lock.acquire(timeout);
        }

        @Override
        public void release() {
            lock.release();
        }

        @Override
        public Object underlying() {
            return lock;
        }

        @Override
        public boolean heldByCaller() {
            return lock.heldByThisProcess();
        }

        @Override
        public int releaseFully() {
            lock.release();
            return 1;
        }

        @Override
        public void restore(int saved) {
            acquireUninterruptibly(this);
        }

        @Override
        public String toString() {
            return lock.toString();
        }
    }

    /** A reentrant lock: only its owning thread is the holder, and its count survives the wait. */
    record OfRLock(RLock lock) implements ConditionLock {
        @Override
        public void acquire() throws InterruptedException {
            lock.acquire();
        }

        @Override
        public boolean acquire(Duration timeout) throws InterruptedException {
            return lock.acquire(timeout);
        }

        @Override
        public void release() {
            lock.release();
        }

        @Override
        public Object underlying() {
            return lock;
        }

        @Override
        public boolean heldByCaller() {
            return lock.heldByCurrentThread();
        }

        @Override
        public int releaseFully() {
            return lock.releaseFully();
        }

        @Override
        public void restore(int saved) {
            acquireUninterruptibly(this);
            lock.restoreCount(saved);
        }

        @Override
        public String toString() {
            return lock.toString();
        }
    }
}
