package org.proclab.mp;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.BrokenRingException;
import org.proclab.mp.shm.ByteRing;
import org.proclab.mp.shm.Liveness;

/**
 * A first-in, first-out queue that processes use to send each other values, like Python's
 * {@code multiprocessing.Queue}: any process that has it can {@link #put} and {@link #get}.
 *
 * <pre>{@code
 * var q = new Queue<String>();
 * var p = new Process(() -> q.put("hello from " + Process.current().name()));
 * p.start();
 * System.out.println(q.get());   // waits for the message: hello from Process-1
 * p.join();
 * }</pre>
 *
 * <p><b>What travels.</b> A copy of each value: numbers, strings, booleans, {@code byte[]} and
 * null take a fast path; anything else must be {@link Serializable} (records, collections of
 * them), and {@code put} fails at once, naming the type, if it is not. A record declared in a
 * notebook cell arrives in a child as that record.
 *
 * <p><b>Where it lives.</b> In a buffer of 8 MiB of shared memory (pages cost memory once used),
 * which every process that has the queue maps: a task that captures the queue uses the very
 * same queue in its child. Any number of processes may put and get at once; each message goes
 * to exactly one {@code get}, and messages come out in the order they were put. A message larger
 * than the buffer is streamed through it while a reader drains it, so such a {@code put} returns
 * only once a reader has taken all but the last 8 MiB: start the reader first. (Python's
 * {@code put} returns at once and a background thread sends the data.)
 *
 * <p><b>No silent hang.</b> Python's queue waits forever when a process dies at the wrong moment.
 * Here, a {@code put} that must wait for room while every process that ever read from the queue
 * has ended fails with {@link QueueBrokenError}, and so does every use of a queue after a process
 * ended in the middle of a message (its bytes no longer line up); the error names the pid. A
 * process killed while it merely waited in {@code put} or {@code get} does no harm.
 *
 * <p>In a notebook cell, {@code Queue} means this class: it shadows {@code java.util.Queue}
 * (write {@code java.util.Queue} for the JDK's).
 *
 * @param <T> the type of the items
 */
public class Queue<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Runnable NOTHING_TO_CHECK = () -> { };

    private final ByteRing ring;
    private final int maxsize;
    private transient volatile boolean closed;
    private transient volatile boolean readerRecorded;

    /** A queue without a limit on the number of items (only its 8 MiB buffer makes a put wait). */
    public Queue() {
        this(0);
    }

    /**
     * A queue that holds at most {@code maxsize} items: {@link #put} waits while it is full, like
     * Python's {@code Queue(maxsize)}.
     *
     * @param maxsize the most items it holds; 0 means no limit
     */
    public Queue(int maxsize) {
        this(maxsize, ByteRing.DEFAULT_CAPACITY);
    }

    /** A queue with a buffer of {@code bufferBytes} (a power of two), for tests of streaming. */
    Queue(int maxsize, int bufferBytes) {
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (no limit) or more, not " + maxsize);
        }
        this.ring = ByteRing.create("queue", bufferBytes);
        this.maxsize = maxsize;
    }

    /**
     * Puts {@code item} at the end of the queue, waiting as long as needed for room.
     *
     * @throws NotSerializableValueException if the item cannot travel (nothing is put)
     * @throws QueueBrokenError if it must wait and nobody is left to make room, or the queue is broken
     * @throws IllegalStateException if this handle was closed
     */
    public void put(T item) throws InterruptedException {
        byte[] message = encode(item);
        offer(() -> write(message, Backoff.forever()));
    }

    /**
     * Puts {@code item}, waiting at most {@code timeout} for room. A message larger than the
     * buffer waits at most {@code timeout} to begin; once begun, it is streamed to the end.
     *
     * @throws Full if there was no room within {@code timeout} (nothing is put)
     * @throws QueueBrokenError if nobody is left to make room, or the queue is broken
     */
    public void put(T item, Duration timeout) throws InterruptedException {
        byte[] message = encode(item);
        if (!offer(() -> write(message, Backoff.forNanos(timeout.toNanos())))) {
            throw new Full("the queue stayed full for " + describe(timeout) + fullness(message));
        }
    }

    /**
     * Puts {@code item} only if there is room right now, like Python's {@code put_nowait}. A
     * message larger than the buffer never fits at once: use {@link #put(Object)} for it.
     *
     * @throws Full if there is no room now (nothing is put)
     */
    public void putNowait(T item) {
        byte[] message = encode(item);
        if (!offer(() -> ring.tryWrite(message, 0, message.length, maxsize))) {
            throw new Full("the queue is full" + fullness(message));
        }
    }

    /**
     * Takes the oldest item, waiting as long as needed for one.
     *
     * @throws QueueBrokenError if the queue is broken (a process ended in the middle of a message)
     * @throws IllegalStateException if this handle was closed
     */
    public T get() throws InterruptedException {
        return decode(take(Backoff.forever()));
    }

    /**
     * Takes the oldest item, waiting at most {@code timeout} for one.
     *
     * @throws Empty if the queue stayed empty for {@code timeout}
     */
    public T get(Duration timeout) throws InterruptedException {
        byte[] message = take(Backoff.forNanos(timeout.toNanos()));
        if (message == null) {
            throw new Empty("the queue stayed empty for " + describe(timeout));
        }
        return decode(message);
    }

    /**
     * Takes the oldest item if there is one now, like Python's {@code get_nowait}. If that item
     * is a message larger than the buffer, it still waits for the rest of it.
     *
     * @throws Empty if the queue is empty now
     */
    public T getNowait() {
        byte[] message;
        try {
            message = take(Backoff.forNanos(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueBrokenError("this queue is broken: this thread was interrupted in the middle of"
                    + " receiving a message too large for the queue's buffer");
        }
        if (message == null) {
            throw new Empty("the queue is empty");
        }
        return decode(message);
    }

    /** Whether nothing waits in the queue now (by the time you act on it, that may have changed). */
    public boolean isEmpty() {
        return ring.isEmpty();
    }

    /** How many items wait in the queue now, approximately (Python's {@code qsize()}). */
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, ring.messages());
    }

    /** Whether a put would wait now: {@code maxsize} items wait, or the buffer is full. */
    public boolean isFull() {
        return maxsize > 0 && size() >= maxsize || ring.isFull();
    }

    /**
     * Closes this handle: it can no longer put or get (other handles of the queue, in this or
     * other processes, can). This process no longer counts as one that reads from the queue.
     */
    public void close() {
        closed = true;
        if (readerRecorded) {
            ring.receivers().remove(Liveness.self());
        }
    }

    /** Like {@code <Queue size=3>}. */
    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " size=" + size() + (maxsize > 0 ? " maxsize=" + maxsize : "")
                + moreState() + (closed ? " closed" : "") + ">";
    }

    /** Called before an item is put; {@link JoinableQueue} counts it as unfinished. */
    void beforePut() {
    }

    /** Called when an item announced by {@link #beforePut()} was not put after all. */
    void putFailed() {
    }

    /** More state for {@link #toString()}, starting with a space, or "". */
    String moreState() {
        return "";
    }

    /** Puts a message with {@code write}, telling {@link #beforePut()} and {@link #putFailed()}. */
    private <X extends Exception> boolean offer(RingWrite<X> write) throws X {
        checkOpen("put on");
        beforePut();
        boolean put = false;
        try {
            put = write.run();
            return put;
        } catch (BrokenRingException e) {
            throw broken(e);
        } finally {
            if (!put) {
                putFailed();
            }
        }
    }

    private boolean write(byte[] message, Backoff wait) throws InterruptedException {
        return ring.write(message, 0, message.length, maxsize, wait, this::failIfNoReaderLeft);
    }

    private byte[] take(Backoff wait) throws InterruptedException {
        checkOpen("get from");
        if (!readerRecorded) {
            ring.receivers().add(Liveness.self());
            readerRecorded = true;
        }
        try {
            return ring.read(wait, NOTHING_TO_CHECK);
        } catch (BrokenRingException e) {
            throw broken(e);
        }
    }

    private void failIfNoReaderLeft() {
        if (ring.receivers().allEnded()) {
            throw new QueueBrokenError("the queue is full and every process that read from it has ended"
                    + " (or closed it), so nothing would ever make room");
        }
    }

    private void checkOpen(String action) {
        if (closed) {
            throw new IllegalStateException("cannot " + action + " a closed Queue handle");
        }
    }

    private String fullness(byte[] message) {
        if (maxsize > 0 && size() >= maxsize) {
            return " (it holds maxsize=" + maxsize + " items)";
        }
        return " (its buffer of " + ring.capacity() + " bytes had no room for a message of " + message.length
                + " bytes)";
    }

    private static byte[] encode(Object item) {
        return MessageCodec.encode(item, "a message put on the queue");
    }

    @SuppressWarnings("unchecked")
    private static <T> T decode(byte[] message) {
        return (T) MessageCodec.decode(message);
    }

    private static QueueBrokenError broken(BrokenRingException e) {
        return new QueueBrokenError("this queue is broken and can no longer be used: " + e.getMessage());
    }

    /** One way of writing a message to the ring: waiting, or only if there is room now. */
    @FunctionalInterface
    private interface RingWrite<X extends Exception> {
        boolean run() throws X;
    }

    /** A duration as people write it: "250 ms", "2.5 s". */
    static String describe(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
        }
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }
}
