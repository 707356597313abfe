package org.proclab.mp;

/**
 * A child died (killed, crashed, out of memory, {@code System.exit}) before finishing its work.
 * It has no stack trace: it is raised by the thread that noticed the exit, whose frames would only
 * distract; the message says which child and how it ended.
 */
public final class ChildDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChildDiedException(String message) {
        super(message, null, false, false);
    }
}
