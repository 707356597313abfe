package org.proclab.mp;

/**
 * A child process could not be started: the limit of live children was reached, the JVM failed to
 * launch, or it ended before it could run its task ({@link Process#start()}, {@link Process#join()},
 * {@code new Pool(...)}).
 */
public final class ProcessStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ProcessStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
