package org.proclab.mp.spawn;

/**
 * A child JVM could not be started: a limit was reached, the JVM failed to launch, or it ended (or
 * was killed) before it connected. The library turns it into {@code org.proclab.mp.ChildStartException}
 * before a user sees it: this package sits below the user's one and cannot name that type.
 */
public final class ChildStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ChildStartException(String message) {
        super(message);
    }

    ChildStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
