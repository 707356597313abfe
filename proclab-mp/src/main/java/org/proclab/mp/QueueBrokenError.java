package org.proclab.mp;

/**
 * A {@link Queue} cannot go on, and waiting would last forever: a process ended in the middle of
 * writing a message (or of reading one too large for the queue's buffer), or was interrupted
 * while streaming such a large message; or a {@code put} must wait for room while every process
 * that read from the queue has ended. The message names the pid. Python's queues have no such
 * error: there, these cases hang or deliver garbage.
 */
public final class QueueBrokenError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A QueueBrokenError that explains what happened. */
    public QueueBrokenError(String message) {
        super(message);
    }
}
