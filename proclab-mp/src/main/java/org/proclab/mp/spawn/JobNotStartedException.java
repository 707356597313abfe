package org.proclab.mp.spawn;

/**
 * A job sent ahead to a child that died before starting it. The job itself did nothing wrong: a
 * pool gives it to another worker.
 */
public final class JobNotStartedException extends RuntimeException {
    public JobNotStartedException(String message) {
        super(message, null, false, false);
    }
}
