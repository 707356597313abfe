package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.SharedRegion;

/**
 * A meeting point for a fixed number of processes, like Python's {@code multiprocessing.Barrier}:
 * each one that calls {@link #await()} waits until {@link #parties()} of them have arrived, then all
 * go on together. Use it to run phases in step ("everyone finishes loading before anyone computes").
 *
 * <pre>{@code
 * var start = new Barrier(3);
 * for (int i = 0; i < 3; i++) {
 *     new Process(() -> {
 *         load();
 *         int arrival = start.await();   // 0, 1 or 2: the order of arrival
 *         compute();
 *     }).start();
 * }
 * }</pre>
 *
 * <p>It can be used again and again: once released, it fills up anew. A waiter that times out or
 * is interrupted, or a call to {@link #abort()}, breaks it: everyone waiting, and everyone arriving
 * later, gets a {@link BrokenBarrierError} until {@link #reset()}. Python's method is {@code wait()},
 * a name Java reserves for {@link Object#wait()}, so here it is {@code await}.
 *
 * <p>A barrier cannot tell that a party died: a process that ends inside {@code await} stays
 * counted and never leaves, which can leave the barrier stuck for the others; where that may
 * happen, wait with {@link #await(Duration)}.
 *
 * <p>It lives in shared memory and travels to child processes as a handle: a task that captures
 * it uses the same barrier as its parent.
 */
public final class Barrier implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The phase in bits 32-33, and in the low 32 bits how many threads are inside {@code await}. */
    private static final int STATE = 0;
    private static final int SIZE = 8;
    private static final long COUNT = 0xffffffffL;
    private static final long PHASE = 3L << 32;
    /** Arrivals wait for the last party. */
    private static final long FILLING = 0;
    /** All parties arrived; they are leaving, and arrivals wait until the last has left. */
    private static final long DRAINING = 1L << 32;
    /** {@link #reset()} was called while threads waited; they are leaving with an error. */
    private static final long RESETTING = 2L << 32;
    /** Timed out, interrupted or aborted: every await fails until {@link #reset()}. */
    private static final long BROKEN = 3L << 32;

    private final SharedRegion memory;
    private final int parties;

    /**
     * A barrier that releases its waiters when {@code parties} of them have arrived.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least 1 party, not " + parties);
        }
        this.memory = SharedRegion.create("barrier", SIZE);
        this.parties = parties;
    }

    /**
     * Waits until all parties have arrived.
     *
     * @return the caller's place in the order of arrival, from 0 to {@code parties() - 1}
     * @throws BrokenBarrierError if the barrier is or becomes broken, or is reset, while waiting
     * @throws InterruptedException if interrupted while waiting; this breaks the barrier for the others
     */
    public int await() throws InterruptedException {
        return awaitWithin(Backoff.forever());
    }

    /**
     * Like {@link #await()}, but waits at most {@code timeout}; running out of time breaks the
     * barrier, for the others too, and throws {@link BrokenBarrierError}.
     */
    public int await(Duration timeout) throws InterruptedException {
        return awaitWithin(Backoff.forNanos(timeout.toNanos()));
    }

    /**
     * Makes the barrier usable again: threads waiting now get a {@link BrokenBarrierError}, later
     * arrivals start a new round. Also the way to repair a broken barrier.
     */
    public void reset() {
        long state;
        long next;
        do {
            state = memory.getLongVolatile(STATE);
            long count = state & COUNT;
            long phase = state & PHASE;
            next = count == 0 ? FILLING : phase == DRAINING ? state : RESETTING | count;
        } while (!memory.compareAndSetLong(STATE, state, next));
    }

    /** Breaks the barrier: threads waiting now and later get a {@link BrokenBarrierError} until {@link #reset()}. */
    public void abort() {
        long state;
        do {
            state = memory.getLongVolatile(STATE);
        } while (!memory.compareAndSetLong(STATE, state, BROKEN | (state & COUNT)));
    }

    /** How many arrivals release the waiters. */
    public int parties() {
        return parties;
    }

    /** How many threads wait for the others now (Python's {@code n_waiting}). */
    public int waiting() {
        long state = memory.getLongVolatile(STATE);
        return (state & PHASE) == FILLING ? (int) (state & COUNT) : 0;
    }

    /** Whether the barrier is broken (see {@link #abort()}); {@link #reset()} repairs it. */
    public boolean broken() {
        return (memory.getLongVolatile(STATE) & PHASE) == BROKEN;
    }

    /** The state, for printing: {@code <Barrier(parties=3, waiting=1)>} or {@code <Barrier(parties=3, broken)>}. */
    @Override
    public String toString() {
        return "<Barrier(parties=" + parties + (broken() ? ", broken" : ", waiting=" + waiting()) + ")>";
    }

    private int awaitWithin(Backoff backoff) throws InterruptedException {
        int index = enter(backoff);
        try {
            if (index + 1 < parties) {
                awaitRelease(backoff);
            }
            return index;
        } finally {
            leave();
        }
    }

    /** Counts the caller in, after the previous round has drained; returns its arrival index. */
    private int enter(Backoff backoff) throws InterruptedException {
        while (true) {
            long state = memory.getLongVolatile(STATE);
            long phase = state & PHASE;
            if (phase == BROKEN) {
                throw brokenError();
            }
            if (phase == FILLING) {
                int index = (int) (state & COUNT);
                long next = index + 1 == parties ? DRAINING | (index + 1) : state + 1;
                if (memory.compareAndSetLong(STATE, state, next)) {
                    return index;
                }
            } else if (!backoff.pause()) {
                abort();
                throw brokenError();
            }
        }
    }

    private void awaitRelease(Backoff backoff) throws InterruptedException {
        while (true) {
            long phase = memory.getLongVolatile(STATE) & PHASE;
            if (phase == DRAINING) {
                return;
            }
            if (phase != FILLING) {
                throw brokenError();
            }
            boolean inTime;
            try {
                inTime = backoff.pause();
            } catch (InterruptedException e) {
                breakUnlessReleased();
                throw e;
            }
            if (!inTime && breakUnlessReleased()) {
                throw brokenError();
            }
        }
    }

    /** Breaks the barrier for a waiter that gives up; false if the barrier released it just before. */
    private boolean breakUnlessReleased() {
        long state;
        do {
            state = memory.getLongVolatile(STATE);
            if ((state & PHASE) == DRAINING) {
                return false;
            }
        } while ((state & PHASE) == FILLING && !memory.compareAndSetLong(STATE, state, BROKEN | (state & COUNT)));
        return true;
    }

    /** Counts the caller out; the last one out of a released or reset round opens the next round. */
    private void leave() {
        long state;
        long next;
        do {
            state = memory.getLongVolatile(STATE);
            long count = (state & COUNT) - 1;
            long phase = state & PHASE;
            next = count == 0 && (phase == DRAINING || phase == RESETTING) ? FILLING : phase | count;
        } while (!memory.compareAndSetLong(STATE, state, next));
    }

    private static BrokenBarrierError brokenError() {
        return new BrokenBarrierError("the Barrier is broken: a waiter timed out or was interrupted,"
                + " or abort() or reset() was called");
    }
}
