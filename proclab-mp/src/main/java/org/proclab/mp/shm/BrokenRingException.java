package org.proclab.mp.shm;

/**
 * A {@link ByteRing} can no longer be used: a process stopped in the middle of a message that
 * was streamed through it, so the bytes in it no longer line up with message boundaries. The
 * message says which pid and how; {@code Queue} and {@code Connection} turn it into their own
 * public error.
 */
public final class BrokenRingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokenRingException(String message) {
        super(message);
    }
}
