package org.proclab.mp;

/**
 * {@link Connection#recv()} has nothing left to receive and nothing more will come, like Python's
 * {@code EOFError}: every process that used the other end of the pipe has closed it or ended
 * (or ended in the middle of sending a message). Unchecked.
 */
public final class EOFError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An EOFError that says why nothing more will come. */
    public EOFError(String message) {
        super(message);
    }
}
