package org.proclab.mp;

import java.io.Serializable;
import org.proclab.mp.shm.ByteRing;

/**
 * A pair of connected {@link Connection}s, like Python's {@code multiprocessing.Pipe()}: what one
 * end sends, the other receives. Python returns the two ends as a tuple
 * {@code conn1, conn2}; here they are {@link #first()} and {@link #second()}.
 *
 * <pre>{@code
 * var pipe = Pipe.open();                       // duplex: both ends send and receive
 * var child = new Process(() -> pipe.second().send(List.of(42, "hello"))).start();
 * List<Object> got = pipe.first().recv();      // [42, hello]
 * child.join();
 *
 * var oneWay = Pipe.open(false);                // first() only receives, second() only sends
 * }</pre>
 *
 * <p>Each direction is its own buffer of shared memory, so the two ends may send at the same
 * time. A pipe, or one of its ends, travels to child processes as a handle to the same pipe.
 */
public final class Pipe implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Connection first;
    private final Connection second;

    private Pipe(Connection first, Connection second) {
        this.first = first;
        this.second = second;
    }

    /** A duplex pipe: both ends send and receive (Python's {@code Pipe()}). */
    public static Pipe open() {
        return open(true);
    }

    /**
     * A pipe; with {@code duplex} false, {@link #first()} only receives and {@link #second()} only
     * sends (Python's {@code Pipe(duplex=False)}).
     */
    public static Pipe open(boolean duplex) {
        ByteRing toFirst = ByteRing.create("pipe", ByteRing.DEFAULT_CAPACITY);
        if (!duplex) {
            return new Pipe(new Connection("first", toFirst, null), new Connection("second", null, toFirst));
        }
        ByteRing toSecond = ByteRing.create("pipe", ByteRing.DEFAULT_CAPACITY);
        return new Pipe(new Connection("first", toFirst, toSecond), new Connection("second", toSecond, toFirst));
    }

    /** The first end (Python's {@code conn1}); of a one-way pipe, the receiving end. */
    public Connection first() {
        return first;
    }

    /** The second end (Python's {@code conn2}); of a one-way pipe, the sending end. */
    public Connection second() {
        return second;
    }

    /** Like {@code <Pipe first=<Connection first, duplex> second=<Connection second, duplex>>}. */
    @Override
    public String toString() {
        return "<Pipe first=" + first + " second=" + second + ">";
    }
}
