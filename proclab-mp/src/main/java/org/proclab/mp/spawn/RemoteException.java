package org.proclab.mp.spawn;

/**
 * An exception from a child that cannot be rebuilt in the parent (its class is unknown here or it
 * does not serialize). It keeps the child's type name, message and stack trace as text, like
 * Python's {@code RemoteTraceback}.
 */
public final class RemoteException extends RuntimeException {
    private final String remoteType;
    private final String remoteTrace;

    public RemoteException(String remoteType, String message, String remoteTrace) {
        super(remoteType + (message == null ? "" : ": " + message));
        this.remoteType = remoteType;
        this.remoteTrace = remoteTrace;
    }

    /** The class name of the exception thrown in the child. */
    public String remoteType() {
        return remoteType;
    }

    /** The stack trace printed in the child. */
    public String remoteTrace() {
        return remoteTrace;
    }
}
