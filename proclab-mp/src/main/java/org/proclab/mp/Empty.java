package org.proclab.mp;

/**
 * {@link Queue#get(java.time.Duration)} or {@link Queue#getNowait()} found nothing to take, like
 * Python's {@code queue.Empty}. Unchecked, so a cell can simply let it end the cell.
 */
public final class Empty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An Empty whose message says how long the queue stayed empty. */
    public Empty(String message) {
        super(message);
    }
}
