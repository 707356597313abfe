package org.proclab.mp.spawn;

/** A child process could not be started: a limit was reached or the JVM failed to launch. */
public final class ProcessStartException extends IllegalStateException {
    public ProcessStartException(String message) {
        super(message);
    }

    public ProcessStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
