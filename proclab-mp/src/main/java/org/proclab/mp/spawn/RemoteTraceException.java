package org.proclab.mp.spawn;

/**
 * An exception from a child that cannot be rebuilt in the parent (its class is unknown here or it
 * does not serialize), known by its type name, message and stack trace as text; the library shows
 * it as {@code org.proclab.mp.RemoteException}.
 */
public final class RemoteTraceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String remoteType;
    private final String remoteMessage;
    private final String remoteTrace;

    RemoteTraceException(String remoteType, String remoteMessage, String remoteTrace) {
        super(remoteType + (remoteMessage == null ? "" : ": " + remoteMessage));
        this.remoteType = remoteType;
        this.remoteMessage = remoteMessage;
        this.remoteTrace = remoteTrace;
    }

    /** The class name of the exception thrown in the child. */
    public String remoteType() {
        return remoteType;
    }

    /** Its message, or null. */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** The stack trace printed in the child. */
    public String remoteTrace() {
        return remoteTrace;
    }
}
