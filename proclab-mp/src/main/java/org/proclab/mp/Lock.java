package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.Liveness;
import org.proclab.mp.shm.SharedRegion;

/**
 * A lock shared by processes, like Python's {@code multiprocessing.Lock}: while one process (or
 * thread) holds it, every other one that calls {@link #acquire()} waits.
 *
 * <pre>{@code
 * var lock = new Lock();
 * var p = new Process(() -> {
 *     try (var held = lock.hold()) {       // acquire ... release, even after an exception
 *         System.out.println("only one at a time");
 *     }
 * });
 * }</pre>
 *
 * <p>It is not reentrant: a thread that already holds it and acquires it again waits forever
 * (use {@link RLock} for that). Like Python's, any process may {@link #release()} it.
 *
 * <p><b>A holder that dies.</b> If the process holding the lock ends without releasing it (killed,
 * {@code System.exit}, a crash), Python's waiters wait forever. Here the next process that waits
 * for the lock notices that the holder's pid is gone, takes the lock over and prints a note to its
 * stderr; whatever the dead holder was changing may be half-done, so check shared data after such
 * a note. {@link #acquire(Duration)} gives up after a time limit instead of waiting.
 *
 * <p>It lives in shared memory and travels to child processes as a handle: a task that captures
 * it uses the same lock as its parent.
 */
public final class Lock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The holder's {@link ThreadKey} (its pid and thread), 0 when free. */
    private static final int HOLDER = 0;
    static final int SIZE = 8;

    private final SharedRegion memory;
    private final int offset;

    /** A new, unlocked lock. */
    public Lock() {
        this(SharedRegion.create("lock", SIZE), 0);
    }

    /** A lock stored at {@code offset} of {@code memory} (for a {@link Value}'s own lock). */
    Lock(SharedRegion memory, int offset) {
        this.memory = memory;
        this.offset = offset;
    }

    /** Waits until the lock is free and takes it. */
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

    /** Takes the lock if it is free right now, without waiting. */
    public boolean tryAcquire() {
        return memory.compareAndSetLong(offset + HOLDER, 0, ThreadKey.current());
    }

    /**
     * Releases the lock, whoever took it.
     *
     * @throws IllegalStateException if it is not locked (Python: "release unlocked lock")
     */
    public void release() {
        long holder = memory.getLongVolatile(offset + HOLDER);
        if (holder == 0 || !memory.compareAndSetLong(offset + HOLDER, holder, 0)) {
            throw new IllegalStateException("release() of a Lock that is not locked");
        }
    }

    /** Acquires the lock and returns a handle whose {@code close()} releases it, for try-with-resources. */
    public Held hold() throws InterruptedException {
        acquire();
        return this::release;
    }

    /** Whether some process holds the lock now. */
    public boolean locked() {
        return memory.getLongVolatile(offset + HOLDER) != 0;
    }

    /** The state, for printing: {@code <Lock(unlocked)>} or {@code <Lock(locked by pid 4242 thread 1)>}. */
    @Override
    public String toString() {
        long holder = holderKey();
        return "<Lock(" + (holder == 0 ? "unlocked" : "locked by pid " + ThreadKey.pid(holder) + " thread "
                + ThreadKey.thread(holder)) + ")>";
    }

    /** The {@link ThreadKey} of the thread that took the lock, 0 when it is free. */
    long holderKey() {
        return memory.getLongVolatile(offset + HOLDER);
    }

    /** The shared memory the lock lives in, and where in it: what {@link LockSurvey} identifies it by. */
    SharedRegion memory() {
        return memory;
    }

    int offset() {
        return offset;
    }

    /** Whether a thread of this process holds the lock, which a {@link Condition} over it requires. */
    boolean heldByThisProcess() {
        return ThreadKey.pid(holderKey()) == Liveness.self();
    }

    private boolean acquireWithin(Backoff backoff) throws InterruptedException {
        long self = ThreadKey.current();
        if (memory.compareAndSetLong(offset + HOLDER, 0, self)) {
            return true;
        }
        return WaitBoard.waitSeated(memory, offset, WaitBoard.Waiting.LOCK, backoff,
                () -> memory.compareAndSetLong(offset + HOLDER, 0, self), () -> takeOverFromDeadHolder(self));
    }

    private boolean takeOverFromDeadHolder(long self) {
        long holder = holderKey();
        long holderPid = ThreadKey.pid(holder);
        if (DeadHolderWatch.hasEnded(holderPid) && memory.compareAndSetLong(offset + HOLDER, holder, self)) {
            DeadHolderWatch.reportTakeOver("a Lock", holderPid);
            return true;
        }
        return false;
    }

    /**
     * A held lock (or semaphore, or condition's lock), returned by {@code hold()}; closing it
     * releases what was taken, so {@code try (var held = lock.hold()) { ... }} never forgets to.
     */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
