package org.proclab.mp;

/**
 * A {@link Semaphore} that may not be released more often than it was acquired, like Python's
 * {@code multiprocessing.BoundedSemaphore}: its value never exceeds the initial one, so a stray
 * extra {@link #release()} is reported at once instead of silently letting one process too many in.
 *
 * <pre>{@code
 * var slots = new BoundedSemaphore(3);
 * slots.acquire();
 * slots.release();
 * slots.release();   // IllegalStateException: Semaphore released too many times
 * }</pre>
 */
public final class BoundedSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    /**
     * A semaphore with {@code value} free places, which is also the most it can ever have.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(value, value);
    }

    /** The state, for printing: {@code <BoundedSemaphore(value=2, maxvalue=3)>}. */
    @Override
    public String toString() {
        return "<BoundedSemaphore(value=" + value() + ", maxvalue=" + limit() + ")>";
    }
}
