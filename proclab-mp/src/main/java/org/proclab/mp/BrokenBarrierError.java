package org.proclab.mp;

/**
 * A {@link Barrier} is broken, like Python's {@code threading.BrokenBarrierError}: a waiter timed
 * out or was interrupted, or someone called {@link Barrier#abort()} or {@link Barrier#reset()}.
 * Every thread waiting at the barrier, and every later arrival until {@link Barrier#reset()}, gets it.
 */
public final class BrokenBarrierError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenBarrierError(String message) {
        super(message);
    }
}
