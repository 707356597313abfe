package org.proclab.mp.shm;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A queue of byte messages in shared memory that any number of processes write to and read from:
 * the transport under {@code Queue} and {@code Pipe}.
 *
 * <pre>{@code
 * ByteRing ring = ByteRing.create("queue", ByteRing.DEFAULT_CAPACITY);
 * ring.write(bytes, 0, bytes.length, 0, Backoff.forever(), () -> { });   // in one process
 * byte[] message = ring.read(Backoff.forever(), () -> { });              // in another one
 * }</pre>
 *
 * <p><b>Layout.</b> A 1 KiB header, then the data area of {@link #capacity()} bytes (a power of
 * two). The writers' words (tail, messages written, write-lock holder, "mid-message" flag), the
 * readers' words (head, messages read, read-lock holder, "mid-message" flag) and the "broken" word
 * each sit on their own cache line, followed by two {@link PidTable}s: the senders and the
 * receivers. Head and tail count every byte ever read and written (longs that only grow); the
 * byte at position {@code p} lives at {@code p mod capacity}. A message is a record
 * {@code [int length][bytes][padding to 8]} that wraps around the end of the area.
 *
 * <p><b>Locking.</b> A writer holds the write lock (its pid in the holder word) for a whole
 * message, a reader the read lock, so writers never interleave and readers never split a message.
 * A message whose record fits in the area waits, holding the lock, until there is room for all of
 * it; then it is copied in without waiting again, the tail moving after every 64 KiB so that a
 * reader copies out one chunk while the next goes in. The reader moves the head only once it has
 * the whole message. So a writer interrupted or timed out while it waits for room, or a reader
 * while it waits for a message, leaves nothing behind; and a holder that ended (killed) while no
 * message of its was partly published or partly given back left nothing half-done: the next
 * process that waits for the lock takes it over. A message larger than the area is streamed: the writer waits
 * for room chunk by chunk while a reader drains it and gives the room back as it goes.
 *
 * <p><b>Breaking.</b> Each side sets its "mid-message" flag while a message is partly published
 * (writer) or partly given back (reader). A process that stops in that state (it ends, or it is
 * interrupted or fails while streaming) leaves bytes that no longer line up with messages: the
 * ring records its pid in the broken word, and every later use throws {@link BrokenRingException}
 * naming it, instead of waiting forever or reading garbage. Waiters notice an ended holder within
 * 50 ms.
 *
 * <p>Waiting is polling with {@link Backoff}; every 50 ms a waiting call also checks whether the
 * process it waits for has ended, and runs the caller's own check (a pipe's end-of-file, a queue
 * whose readers have all ended), which may throw to end the wait.
 *
 * <p>It travels between processes as a handle to the same memory.
 */
public final class ByteRing implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Bytes of message data a ring holds unless told otherwise: 8 MiB (untouched pages of the sparse file cost nothing). */
    public static final int DEFAULT_CAPACITY = 8 << 20;
    /** The smallest capacity: 4 KiB. */
    public static final int MIN_CAPACITY = 4 << 10;
    /** The largest capacity: 1 GiB (shared memory is at most 2 GiB). */
    public static final int MAX_CAPACITY = 1 << 30;

    private static final int TAIL = 64;
    private static final int PUTS = 72;
    private static final int WRITER = 80;
    private static final int WRITER_MID_MESSAGE = 88;
    private static final int HEAD = 128;
    private static final int GETS = 136;
    private static final int READER = 144;
    private static final int READER_MID_MESSAGE = 152;
    private static final int BROKEN = 192;
    private static final int SENDERS = 256;
    private static final int RECEIVERS = SENDERS + PidTable.SIZE;
    private static final int DATA = 1024;

    private static final int LENGTH_BYTES = Integer.BYTES;
    private static final int ALIGNMENT = 8;
    private static final int LARGEST_CHUNK = 64 << 10;
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final transient SharedRegion memory;
    private final transient int capacity;
    private final transient long mask;
    private final transient int streamChunk;
    private final transient PidTable senders;
    private final transient PidTable receivers;

    private ByteRing(SharedRegion memory) {
        this.memory = memory;
        this.capacity = memory.size() - DATA;
        this.mask = capacity - 1;
        this.streamChunk = Math.min(LARGEST_CHUNK, capacity / 4);
        this.senders = new PidTable(memory, SENDERS);
        this.receivers = new PidTable(memory, RECEIVERS);
    }

    /**
     * A new, empty ring in the session's shared memory.
     *
     * @param kind names the file ("queue", "pipe")
     * @param capacity bytes of data it holds: a power of two from {@value #MIN_CAPACITY} to {@value #MAX_CAPACITY}
     */
    public static ByteRing create(String kind, int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("a ring's capacity must be a power of two from " + MIN_CAPACITY
                    + " to " + MAX_CAPACITY + " bytes, not " + capacity);
        }
        return new ByteRing(SharedRegion.create(kind, DATA + capacity));
    }

    /** Bytes of data the ring holds; larger messages are streamed through it. */
    public int capacity() {
        return capacity;
    }

    /** The processes that wrote to the ring (as far as its users record them). */
    public PidTable senders() {
        return senders;
    }

    /** The processes that read from the ring (as far as its users record them). */
    public PidTable receivers() {
        return receivers;
    }

    /** Messages written completely and not yet read (approximate while others write or read). */
    public long messages() {
        long read = memory.getLongVolatile(GETS);
        return Math.max(0, memory.getLongVolatile(PUTS) - read);
    }

    /** Whether no byte waits to be read. */
    public boolean isEmpty() {
        long head = memory.getLongVolatile(HEAD);
        return memory.getLongVolatile(TAIL) == head;
    }

    /** Whether not even the smallest message would fit now. */
    public boolean isFull() {
        long head = memory.getLongVolatile(HEAD);
        return capacity - (memory.getLongVolatile(TAIL) - head) < recordSize(0);
    }

    /**
     * Appends one message, waiting for room.
     *
     * @param maxMessages also wait while this many messages are unread (0: no limit)
     * @param wait how long to wait for the lock and for room; once a streamed message has begun,
     *             the rest is sent without a time limit (it cannot be taken back)
     * @param whileWaiting run about every 50 ms while waiting; may throw to end the wait
     * @return false if {@code wait} ran out first (nothing was written)
     * @throws InterruptedException when interrupted while waiting (nothing was written, unless a
     *         streamed message had begun: then the ring is broken)
     * @throws BrokenRingException if the ring is broken, or a reader ended in the middle of a message
     */
    public boolean write(byte[] source, int from, int length, long maxMessages, Backoff wait, Runnable whileWaiting)
            throws InterruptedException {
        Objects.checkFromIndexSize(from, length, source.length);
        Waiting waiting = new Waiting(wait);
        if (!lock(Side.WRITING, waiting)) {
            return false;
        }
        try {
            throwIfBroken();
            long tail = memory.getLongVolatile(TAIL);
            long record = recordSize(length);
            boolean fits = record <= capacity;
            while (!hasRoom(tail, fits ? record : 0, maxMessages)) {
                if (waiting.checkDue()) {
                    lookForTrouble(Side.READING, whileWaiting);
                }
                if (!waiting.pause()) {
                    return false;
                }
            }
            if (fits) {
                publish(tail, source, from, length, record, tail, record);
            } else {
                stream(tail, source, from, length, record, whileWaiting);
            }
            memory.getAndAddLong(PUTS, 1);
            return true;
        } finally {
            unlock(Side.WRITING);
        }
    }

    /**
     * Appends one message if it can be done right now without waiting: the lock is free, the
     * message fits in the area at once, there is room for it, and fewer than {@code maxMessages}
     * (if not 0) are unread.
     *
     * @return whether it was written
     * @throws BrokenRingException if the ring is broken
     */
    public boolean tryWrite(byte[] source, int from, int length, long maxMessages) {
        Objects.checkFromIndexSize(from, length, source.length);
        long record = recordSize(length);
        if (record > capacity || !memory.compareAndSetLong(WRITER, 0, Liveness.self())) {
            return false;
        }
        try {
            throwIfBroken();
            long tail = memory.getLongVolatile(TAIL);
            if (!hasRoom(tail, record, maxMessages)) {
                return false;
            }
            publish(tail, source, from, length, record, tail, record);
            memory.getAndAddLong(PUTS, 1);
            return true;
        } finally {
            unlock(Side.WRITING);
        }
    }

    /**
     * Takes the oldest message, waiting for one.
     *
     * @param wait how long to wait for the lock and for a message to begin; the rest of a message
     *             that has begun is read without a time limit
     * @param whileWaiting run about every 50 ms while waiting; may throw to end the wait
     * @return the message, or null if {@code wait} ran out first
     * @throws InterruptedException when interrupted while waiting (nothing was taken, unless part of
     *         a message larger than the area had been taken: then the ring is broken)
     * @throws BrokenRingException if the ring is broken, or the writer ended in the middle of a message
     */
    public byte[] read(Backoff wait, Runnable whileWaiting) throws InterruptedException {
        Waiting waiting = new Waiting(wait);
        if (!lock(Side.READING, waiting)) {
            return null;
        }
        try {
            throwIfBroken();
            long head = memory.getLongVolatile(HEAD);
            while (memory.getLongAcquire(TAIL) == head) {
                if (waiting.checkDue()) {
                    lookForTrouble(Side.WRITING, whileWaiting);
                }
                if (!waiting.pause()) {
                    return null;
                }
            }
            byte[] message = new byte[memory.getIntPlain(DATA + offsetOf(head))];
            receive(head, message, recordSize(message.length), whileWaiting);
            memory.getAndAddLong(GETS, 1);
            return message;
        } finally {
            unlock(Side.READING);
        }
    }

    /**
     * Waits until a message (or the beginning of one) is there, without taking it.
     *
     * @param whileWaiting run about every 50 ms while waiting; may throw to end the wait
     * @return false if {@code wait} ran out first
     */
    public boolean awaitMessage(Backoff wait, Runnable whileWaiting) throws InterruptedException {
        throwIfBroken();
        Waiting waiting = new Waiting(wait);
        while (isEmpty()) {
            if (waiting.checkDue()) {
                lookForTrouble(Side.WRITING, whileWaiting);
            }
            if (!waiting.pause()) {
                return false;
            }
        }
        return true;
    }

    private boolean hasRoom(long tail, long bytes, long maxMessages) {
        return (maxMessages <= 0 || messages() < maxMessages)
                && capacity - (tail - memory.getLongAcquire(HEAD)) >= bytes;
    }

    /**
     * Copies {@code [position, position + count)} of the record starting at {@code start} into
     * room that is already free, publishing it chunk by chunk so that a reader copies out one
     * chunk while the next is copied in. From the first chunk that leaves the record incomplete
     * until the one that completes it, the writer is marked mid-message.
     *
     * @return the position after the bytes copied
     */
    private long publish(long start, byte[] source, int from, int length, long record, long position, long count) {
        long end = position + count;
        long recordEnd = start + record;
        while (position < end) {
            long chunk = Math.min(streamChunk, end - position);
            writeRecordPart(start, source, from, length, position, chunk);
            boolean first = position == start;
            position += chunk;
            if (first && position < recordEnd) {
                memory.setIntVolatile(WRITER_MID_MESSAGE, 1);
            }
            memory.setLongRelease(TAIL, position);
            if (!first && position == recordEnd) {
                memory.setIntVolatile(WRITER_MID_MESSAGE, 0);
            }
        }
        return position;
    }

    /** Writes a record larger than the area, as readers make room for it. */
    private void stream(long start, byte[] source, int from, int length, long record, Runnable whileWaiting)
            throws InterruptedException {
        long end = start + record;
        long position = start;
        Waiting waiting = new Waiting(Backoff.forever());
        try {
            while (position < end) {
                long free = capacity - (position - memory.getLongAcquire(HEAD));
                if (free < Math.min(streamChunk, end - position)) {
                    if (waiting.checkDue()) {
                        lookForTrouble(Side.READING, whileWaiting);
                    }
                    waiting.pause();
                    continue;
                }
                position = publish(start, source, from, length, record, position, Math.min(free, end - position));
                waiting = new Waiting(Backoff.forever());
            }
        } catch (Throwable stopped) {
            if (position > start) {
                markBroken(Liveness.self(), Side.WRITING, false);
            }
            throw stopped;
        }
    }

    /**
     * Copies the record starting at {@code start} into {@code message} as the writer publishes it.
     * A record that fits in the area keeps its room until it has been read completely, so a reader
     * that stops before leaves the whole message to the next one. A larger record gives its room
     * back as it is read, which nobody can undo: meanwhile the reader is marked mid-message.
     */
    private void receive(long start, byte[] message, long record, Runnable whileWaiting) throws InterruptedException {
        boolean oversized = record > capacity;
        long end = start + record;
        long position = start;
        Waiting waiting = null;
        try {
            while (position < end) {
                long available = memory.getLongAcquire(TAIL) - position;
                if (available == 0) {
                    waiting = waiting != null ? waiting : new Waiting(Backoff.forever());
                    if (waiting.checkDue()) {
                        lookForTrouble(Side.WRITING, whileWaiting);
                    }
                    waiting.pause();
                    continue;
                }
                long chunk = Math.min(available, end - position);
                readRecordPart(start, message, position, chunk);
                if (oversized && position == start) {
                    memory.setIntVolatile(READER_MID_MESSAGE, 1);
                }
                position += chunk;
                if (oversized) {
                    memory.setLongRelease(HEAD, position);
                }
                waiting = null;
            }
            if (oversized) {
                memory.setIntVolatile(READER_MID_MESSAGE, 0);
            } else {
                memory.setLongRelease(HEAD, end);
            }
        } catch (Throwable stopped) {
            if (oversized && position > start) {
                markBroken(Liveness.self(), Side.READING, false);
            }
            throw stopped;
        }
    }

    /** Writes the part {@code [position, position + count)} of the record starting at {@code start}; padding is skipped. */
    private void writeRecordPart(long start, byte[] source, int from, int length, long position, long count) {
        if (position == start) {
            memory.setIntPlain(DATA + offsetOf(start), length);
        }
        long payload = start + LENGTH_BYTES;
        long first = Math.max(position, payload);
        long last = Math.min(position + count, payload + length);
        if (first < last) {
            int at = offsetOf(first);
            int bytes = (int) (last - first);
            int beforeEnd = Math.min(bytes, capacity - at);
            int sourceIndex = from + (int) (first - payload);
            memory.write(DATA + at, source, sourceIndex, beforeEnd);
            memory.write(DATA, source, sourceIndex + beforeEnd, bytes - beforeEnd);
        }
    }

    /** Copies the message bytes within {@code [position, position + count)} of the record starting at {@code start}. */
    private void readRecordPart(long start, byte[] message, long position, long count) {
        long payload = start + LENGTH_BYTES;
        long first = Math.max(position, payload);
        long last = Math.min(position + count, payload + message.length);
        if (first < last) {
            int at = offsetOf(first);
            int bytes = (int) (last - first);
            int beforeEnd = Math.min(bytes, capacity - at);
            int targetIndex = (int) (first - payload);
            memory.read(DATA + at, message, targetIndex, beforeEnd);
            memory.read(DATA, message, targetIndex + beforeEnd, bytes - beforeEnd);
        }
    }

    private boolean lock(Side side, Waiting waiting) throws InterruptedException {
        long self = Liveness.self();
        while (!memory.compareAndSetLong(side.holder, 0, self)) {
            if (waiting.checkDue() && takeOverFromEndedHolder(side, self)) {
                return true;
            }
            if (!waiting.pause()) {
                return false;
            }
        }
        return true;
    }

    private void unlock(Side side) {
        memory.compareAndSetLong(side.holder, Liveness.self(), 0);
    }

    /**
     * Takes the lock of a holder that has ended, if it ended between messages (it left nothing
     * visible, so nothing is lost); breaks the ring if it ended in the middle of one.
     */
    private boolean takeOverFromEndedHolder(Side side, long self) {
        long holder = endedHolder(side);
        if (holder == 0) {
            return false;
        }
        breakIfMidMessage(side, holder);
        return memory.compareAndSetLong(side.holder, holder, self);
    }

    /** What every waiting call checks every 50 ms: the other side's holder, then the caller's own check. */
    private void lookForTrouble(Side otherSide, Runnable whileWaiting) {
        long holder = endedHolder(otherSide);
        if (holder != 0) {
            breakIfMidMessage(otherSide, holder);
        }
        whileWaiting.run();
    }

    /** The pid that holds {@code side}'s lock if it has ended (so it will never release it), else 0. */
    private long endedHolder(Side side) {
        long holder = memory.getLongVolatile(side.holder);
        if (holder == 0 || Liveness.isAlive(holder) || memory.getLongVolatile(side.holder) != holder) {
            return 0;
        }
        return holder;
    }

    private void breakIfMidMessage(Side side, long endedHolder) {
        if (memory.getIntVolatile(side.midMessage) != 0) {
            markBroken(endedHolder, side, true);
            throwIfBroken();
        }
    }

    /** Records, once, who broke the ring and how: {@code pid << 2 | side << 1 | (ended ? 0 : 1)}. */
    private void markBroken(long pid, Side side, boolean ended) {
        memory.compareAndSetLong(BROKEN, 0, pid << 2 | (long) side.ordinal() << 1 | (ended ? 0 : 1));
    }

    private void throwIfBroken() {
        long broken = memory.getLongVolatile(BROKEN);
        if (broken != 0) {
            Side side = Side.values()[(int) (broken >>> 1 & 1)];
            boolean ended = (broken & 1) == 0;
            throw new BrokenRingException("pid " + (broken >>> 2) + (ended ? " ended" : " was interrupted or failed")
                    + " in the middle of " + side.verb + " a message, so " + side.consequence);
        }
    }

    private int offsetOf(long position) {
        return (int) (position & mask);
    }

    private static long recordSize(int length) {
        return (LENGTH_BYTES + (long) length + ALIGNMENT - 1) & -ALIGNMENT;
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Handle(memory);
    }

    /** What travels: the shared memory (itself a handle); the receiver builds its ring on the same memory. */
    private record Handle(SharedRegion memory) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            return new ByteRing(memory);
        }
    }

    /** The writers' or the readers' lock and mid-message flag. */
    private enum Side {
        WRITING(WRITER, WRITER_MID_MESSAGE, "writing", "the rest of that message will never come"),
        READING(READER, READER_MID_MESSAGE, "reading", "the rest of that message is stuck in the buffer");

        final int holder;
        final int midMessage;
        final String verb;
        final String consequence;

        Side(int holder, int midMessage, String verb, String consequence) {
            this.holder = holder;
            this.midMessage = midMessage;
            this.verb = verb;
            this.consequence = consequence;
        }
    }

    /** One call's wait: the caller's time limit, and a look every 50 ms at what only changes when something went wrong. */
    private final class Waiting {
        private final Backoff backoff;
        private long nextCheck = System.nanoTime() + CHECK_NANOS;

        Waiting(Backoff backoff) {
            this.backoff = backoff;
        }

        /** True once every 50 ms. */
        boolean checkDue() {
            long now = System.nanoTime();
            if (now - nextCheck < 0) {
                return false;
            }
            nextCheck = now + CHECK_NANOS;
            return true;
        }

        /** Waits a little; false when the time is up (then without waiting or checking for interruption). */
        boolean pause() throws InterruptedException {
            throwIfBroken();
            return !backoff.expired() && backoff.pause();
        }
    }
}
