package org.proclab.mp;

/**
 * {@link Connection#send(Object)} must wait for room, but nobody will ever make it, like Python's
 * {@code BrokenPipeError}: every process that used the other end of the pipe has closed it or
 * ended (or ended in the middle of receiving a message). Unchecked.
 */
public final class BrokenPipeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A BrokenPipeError that says why nobody will receive. */
    public BrokenPipeError(String message) {
        super(message);
    }
}
