package org.proclab.engine.classpath;

/**
 * Something a user asked to add to the class path that cannot be added: a missing file, a glob
 * that matches nothing, a coordinate Maven cannot resolve. The message is one sentence for the
 * user, without a stack trace.
 */
public final class ClassPathException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClassPathException(String message) {
        super(message);
    }
}
