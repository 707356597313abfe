package org.proclab.mp;

/**
 * {@link Queue#put(Object, java.time.Duration)} or {@link Queue#putNowait(Object)} found no room,
 * like Python's {@code queue.Full}: the queue holds its {@code maxsize} items, or its buffer has
 * no room for the message. Unchecked.
 */
public final class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A Full whose message says how long the queue stayed full. */
    public Full(String message) {
        super(message);
    }
}
