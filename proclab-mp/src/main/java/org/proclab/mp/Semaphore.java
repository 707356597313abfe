package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.SharedRegion;

/**
 * A counter of free places shared by processes, like Python's {@code multiprocessing.Semaphore}:
 * {@link #acquire()} takes a place, waiting while there is none, and {@link #release()} gives one
 * back. Use it to let at most {@code n} processes at a time use something scarce.
 *
 * <pre>{@code
 * var downloads = new Semaphore(2);          // at most two at once
 * for (int i = 0; i < 4; i++) {
 *     new Process(() -> {
 *         try (var place = downloads.hold()) {
 *             fetch();
 *         }
 *     }).start();
 * }
 * }</pre>
 *
 * <p>A place has no owner: any process may release it, and a process that dies holding a place
 * does not give it back (unlike a {@link Lock}, nothing can tell whose place it was). A
 * {@link BoundedSemaphore} turns releasing more than was taken into an error.
 *
 * <p>It lives in shared memory and travels to child processes as a handle: a task that captures
 * it uses the same semaphore as its parent.
 */
public sealed class Semaphore implements Serializable permits BoundedSemaphore {
    private static final long serialVersionUID = 1L;
    private static final int VALUE = 0;
    private static final int SIZE = 8;

    private final SharedRegion memory;
    private final int limit;

    /**
     * A semaphore with {@code value} free places.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        this(value, Integer.MAX_VALUE);
    }

    /** A semaphore whose value may never exceed {@code limit}. */
    Semaphore(int value, int limit) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + value);
        }
        this.memory = SharedRegion.create("semaphore", SIZE);
        this.limit = limit;
        memory.setIntVolatile(VALUE, value);
    }

    /** Waits until a place is free and takes it. */
    public void acquire() throws InterruptedException {
        acquireWithin(Backoff.forever());
    }

    /**
     * Waits at most {@code timeout} for a free place.
     *
     * @return true if a place was taken, false if the time ran out
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return acquireWithin(Backoff.forNanos(timeout.toNanos()));
    }

    /** Takes a place if one is free right now, without waiting. */
    public boolean tryAcquire() {
        int value;
        do {
            value = memory.getIntVolatile(VALUE);
            if (value == 0) {
                return false;
            }
        } while (!memory.compareAndSetInt(VALUE, value, value - 1));
        return true;
    }

    /**
     * Gives a place back, letting one waiter in.
     *
     * @throws IllegalStateException if that would exceed the limit (a {@link BoundedSemaphore}'s initial value)
     */
    public void release() {
        int value;
        do {
            value = memory.getIntVolatile(VALUE);
            if (value >= limit) {
                throw new IllegalStateException("Semaphore released too many times");
            }
        } while (!memory.compareAndSetInt(VALUE, value, value + 1));
    }

    /** Acquires a place and returns a handle whose {@code close()} releases it, for try-with-resources. */
    public Lock.Held hold() throws InterruptedException {
        acquire();
        return this::release;
    }

    /** How many places are free now (Python's {@code get_value()}); may change right after. */
    public int value() {
        return memory.getIntVolatile(VALUE);
    }

    /** The state, for printing: {@code <Semaphore(value=2)>}. */
    @Override
    public String toString() {
        return "<Semaphore(value=" + value() + ")>";
    }

    /** The highest value {@link #release()} may reach. */
    int limit() {
        return limit;
    }

    /** The shared memory the semaphore lives in: what {@link LockSurvey} identifies it by. */
    SharedRegion memory() {
        return memory;
    }

    private boolean acquireWithin(Backoff backoff) throws InterruptedException {
        if (tryAcquire()) {
            return true;
        }
        WaitBoard.Seat seat = WaitBoard.enter(memory, VALUE, WaitBoard.Waiting.SEMAPHORE);
        try {
            while (!tryAcquire()) {
                if (!backoff.pause()) {
                    return false;
                }
            }
            return true;
        } finally {
            seat.leave();
        }
    }
}
