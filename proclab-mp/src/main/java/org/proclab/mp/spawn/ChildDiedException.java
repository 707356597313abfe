package org.proclab.mp.spawn;

/**
 * A child died (killed, crashed, out of memory, {@code System.exit}) before finishing its work.
 * It has no stack trace: it is raised by the thread that noticed the exit, whose frames would only
 * distract; the message says which child and how it ended.
 */
public final class ChildDiedException extends RuntimeException {
    public ChildDiedException(String message) {
        super(message, null, false, false);
    }
}
