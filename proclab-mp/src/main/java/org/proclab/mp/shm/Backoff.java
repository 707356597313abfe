package org.proclab.mp.shm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How a process waits for another one to change shared memory: spin briefly (the answer often
 * comes within microseconds), then yield, then sleep in growing steps up to
 * {@value #LONGEST_SLEEP_MICROS} µs, so a long wait costs almost no CPU and a short one costs no latency.
 *
 * <p>Java has no cross-process futex, so waiting is polling; the steps bound the extra latency of a
 * long wait to about a millisecond. Every pause checks for interruption, so the notebook's stop
 * button ends any wait. One instance per wait; not thread-safe.
 */
public final class Backoff {
    private static final int SPINS = 200;
    private static final int YIELDS = 50;
    private static final long LONGEST_SLEEP_MICROS = 1000;

    private final long deadline;
    private int rounds;
    private long sleepMicros = 20;

    private Backoff(long deadline) {
        this.deadline = deadline;
    }

    /** A wait without a time limit. */
    public static Backoff forever() {
        return new Backoff(Long.MAX_VALUE);
    }

    /** A wait of at most {@code nanos} from now. */
    public static Backoff forNanos(long nanos) {
        long now = System.nanoTime();
        return new Backoff(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + Math.max(0, nanos));
    }

    /**
     * Waits a little.
     *
     * @return false when the time limit has passed (nothing was waited), true otherwise
     * @throws InterruptedException when the thread is interrupted (the stop button, {@code Thread.interrupt})
     */
    public boolean pause() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long now = System.nanoTime();
        if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
            return false;
        }
        rounds++;
        if (rounds <= SPINS) {
            Thread.onSpinWait();
        } else if (rounds <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            long sleep = TimeUnit.MICROSECONDS.toNanos(sleepMicros);
            if (deadline != Long.MAX_VALUE) {
                sleep = Math.min(sleep, deadline - now);
            }
            LockSupport.parkNanos(this, sleep);
            sleepMicros = Math.min(LONGEST_SLEEP_MICROS, sleepMicros * 2);
        }
        return true;
    }

    /** Whether the time limit has passed. */
    public boolean expired() {
        return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
    }
}
