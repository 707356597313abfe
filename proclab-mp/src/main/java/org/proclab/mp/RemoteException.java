package org.proclab.mp;

/**
 * An exception from a child that cannot be rethrown as it is: a checked one (Java would not let
 * {@code map} throw it), or one whose class is unknown here or that does not serialize. It keeps
 * the child's type name, message and stack trace as text, like Python's {@code RemoteTraceback}.
 */
public final class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String remoteType;
    private final String remoteTrace;

    RemoteException(String remoteType, String message, String remoteTrace) {
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
