package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.SharedRegion;

/**
 * A reentrant lock shared by processes, like Python's {@code multiprocessing.RLock}: the thread
 * that holds it may acquire it again without waiting, and must release it as many times as it
 * acquired it before anyone else gets it.
 *
 * <pre>{@code
 * var lock = new RLock();
 * void transfer() throws InterruptedException {
 *     try (var held = lock.hold()) {   // may call audit(), which takes the same lock again
 *         audit();
 *     }
 * }
 * }</pre>
 *
 * <p>It belongs to one thread of one process: only that thread can {@link #release()} it, and
 * another thread of the same process waits like another process would. It is the lock a
 * {@link Condition} uses unless given another one.
 *
 * <p><b>An owner that dies.</b> Like {@link Lock}: if the owning process ends without releasing it,
 * the next waiter takes it over (held once, whatever the dead owner's count was) and prints a note
 * to its stderr. {@link #acquire(Duration)} gives up after a time limit instead of waiting.
 *
 * <p>It lives in shared memory and travels to child processes as a handle: a task that captures
 * it uses the same lock as its parent.
 */
public final class RLock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The owner's {@link ThreadKey}, 0 when free. */
    private static final int OWNER = 0;
    /** How many times the owner acquired it; written only by the owner. */
    private static final int COUNT = 8;
    private static final int SIZE = 16;

    private final SharedRegion memory;

    /** A new, unlocked reentrant lock. */
    public RLock() {
        this.memory = SharedRegion.create("rlock", SIZE);
    }

    /** Waits until the lock is free or already this thread's, and takes it (once more). */
    public void acquire() throws InterruptedException {
        acquireWithin(Backoff.forever());
    }

    /**
     * Waits at most {@code timeout} for the lock.
     *
     * @return true if it was taken, false if the time ran out
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return acquireWithin(Backoff.forNanos(timeout.toNanos()));
    }

    /** Takes the lock if it is free or already this thread's, without waiting. */
    public boolean tryAcquire() {
        long self = ThreadKey.current();
        if (memory.getLongVolatile(OWNER) == self) {
            memory.setIntVolatile(COUNT, memory.getIntVolatile(COUNT) + 1);
            return true;
        }
        if (memory.compareAndSetLong(OWNER, 0, self)) {
            memory.setIntVolatile(COUNT, 1);
            return true;
        }
        return false;
    }

    /**
     * Releases one acquisition; the lock is free again when the owner has released it as often as
     * it acquired it.
     *
     * @throws IllegalStateException if the calling thread does not hold it (Python: "cannot release un-acquired lock")
     */
    public void release() {
        requireOwner();
        int count = memory.getIntVolatile(COUNT);
        memory.setIntVolatile(COUNT, count - 1);
        if (count == 1) {
            memory.setLongVolatile(OWNER, 0);
        }
    }

    /** Acquires the lock and returns a handle whose {@code close()} releases it, for try-with-resources. */
    public Lock.Held hold() throws InterruptedException {
        acquire();
        return this::release;
    }

    /** The state, for printing: {@code <RLock(unlocked)>} or {@code <RLock(owner=pid 4242 thread 1, count=2)>}. */
    @Override
    public String toString() {
        long owner = memory.getLongVolatile(OWNER);
        if (owner == 0) {
            return "<RLock(unlocked)>";
        }
        return "<RLock(owner=pid " + ThreadKey.pid(owner) + " thread " + ThreadKey.thread(owner)
                + ", count=" + memory.getIntVolatile(COUNT) + ")>";
    }

    /** The {@link ThreadKey} of the owner, 0 when the lock is free. */
    long ownerKey() {
        return memory.getLongVolatile(OWNER);
    }

    /** The shared memory the lock lives in: what {@link LockSurvey} identifies it by. */
    SharedRegion memory() {
        return memory;
    }

    /** Whether the calling thread holds the lock, which a {@link Condition} over it requires. */
    boolean heldByCurrentThread() {
        return memory.getLongVolatile(OWNER) == ThreadKey.current();
    }

    /** Releases the lock however often this thread took it, for a Condition's wait; returns that count. */
    int releaseFully() {
        requireOwner();
        int count = memory.getIntVolatile(COUNT);
        memory.setIntVolatile(COUNT, 0);
        memory.setLongVolatile(OWNER, 0);
        return count;
    }

    /** Sets the count of a lock this thread has just acquired back to what {@link #releaseFully()} returned. */
    void restoreCount(int count) {
        memory.setIntVolatile(COUNT, count);
    }

    private void requireOwner() {
        if (!heldByCurrentThread()) {
            throw new IllegalStateException("cannot release un-acquired lock");
        }
    }

    private boolean acquireWithin(Backoff backoff) throws InterruptedException {
        if (tryAcquire()) {
            return true;
        }
        return WaitBoard.waitSeated(memory, OWNER, WaitBoard.Waiting.RLOCK, backoff, this::tryAcquire,
                this::takeOverFromDeadOwner);
    }

    private boolean takeOverFromDeadOwner() {
        long owner = memory.getLongVolatile(OWNER);
        long ownerPid = ThreadKey.pid(owner);
        if (DeadHolderWatch.hasEnded(ownerPid) && memory.compareAndSetLong(OWNER, owner, ThreadKey.current())) {
            memory.setIntVolatile(COUNT, 1);
            DeadHolderWatch.reportTakeOver("an RLock", ownerPid);
            return true;
        }
        return false;
    }
}
