package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.SharedRegion;

/**
 * A flag shared by processes, like Python's {@code multiprocessing.Event}: some processes
 * {@link #await()} until another one {@link #set()}s it. Use it for "go!" and "I'm ready" signals.
 *
 * <pre>{@code
 * var go = new Event();
 * var p = new Process(() -> {
 *     go.await();                 // blocks until the parent says go
 *     System.out.println("running");
 * }).start();
 * go.set();
 * }</pre>
 *
 * <p>Python's method is {@code wait()}, a name Java reserves for {@link Object#wait()}, so here it
 * is {@code await}. A waiter that was waiting when the flag was set wakes up even if the flag is
 * {@link #clear()}ed again right away.
 *
 * <p>It lives in shared memory and travels to child processes as a handle: a task that captures
 * it uses the same event as its parent.
 */
public final class Event implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bit 0 is the flag; the bits above count how often it went from clear to set. */
    private static final int STATE = 0;
    private static final long FLAG = 1;
    private static final long ONE_SET = 2;
    private static final int SIZE = 8;

    private final SharedRegion memory;

    /** A new event whose flag is clear. */
    public Event() {
        this.memory = SharedRegion.create("event", SIZE);
    }

    /** Sets the flag and wakes every waiter; later waiters return at once until {@link #clear()}. */
    public void set() {
        long state;
        do {
            state = memory.getLongVolatile(STATE);
            if ((state & FLAG) != 0) {
                return;
            }
        } while (!memory.compareAndSetLong(STATE, state, state + ONE_SET + FLAG));
    }

    /** Clears the flag, so that {@link #await()} blocks again. */
    public void clear() {
        long state;
        do {
            state = memory.getLongVolatile(STATE);
            if ((state & FLAG) == 0) {
                return;
            }
        } while (!memory.compareAndSetLong(STATE, state, state - FLAG));
    }

    /** Whether the flag is set now (Python's {@code is_set()}). */
    public boolean isSet() {
        return (memory.getLongVolatile(STATE) & FLAG) != 0;
    }

    /** Waits until the flag is set; returns at once if it already is. */
    public void await() throws InterruptedException {
        awaitWithin(Backoff.forever());
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @return true if the flag was set (now or while waiting), false if the time ran out
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitWithin(Backoff.forNanos(timeout.toNanos()));
    }

    /** The state, for printing: {@code <Event(set)>} or {@code <Event(unset)>}. */
    @Override
    public String toString() {
        return "<Event(" + (isSet() ? "set" : "unset") + ")>";
    }

    private boolean awaitWithin(Backoff backoff) throws InterruptedException {
        long seen = memory.getLongVolatile(STATE);
        if ((seen & FLAG) != 0) {
            return true;
        }
        while (memory.getLongVolatile(STATE) == seen) {
            if (!backoff.pause()) {
                return false;
            }
        }
        return true;
    }
}
