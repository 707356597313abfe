package org.proclab.kernel.wire;

/** A multipart message that cannot be accepted: bad framing, bad JSON or a wrong signature. */
public final class InvalidMessageException extends Exception {
    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
