package org.proclab.mp;

/** A result was not ready within the time given, like Python's {@code multiprocessing.TimeoutError}. */
public final class TimeoutError extends RuntimeException {
    public TimeoutError(String message) {
        super(message);
    }
}
