package org.proclab.mp.spawn;

/**
 * A child died (killed, crashed, out of memory, {@code System.exit}) while running the job; the
 * library shows it as {@code org.proclab.mp.JobLostException}. No stack trace: the thread that
 * noticed the exit raises it, and its frames say nothing about the job.
 */
public final class JobLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobLostException(String message) {
        super(message, null, false, false);
    }
}
