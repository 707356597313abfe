package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.BrokenRingException;
import org.proclab.mp.shm.ByteRing;
import org.proclab.mp.shm.Liveness;

/**
 * One end of a {@link Pipe}, like Python's {@code multiprocessing.connection.Connection}: what is
 * sent at one end is received, in order, at the other.
 *
 * <pre>{@code
 * var pipe = Pipe.open();
 * var child = new Process(() -> {
 *     var conn = pipe.second();
 *     conn.send("ping");
 *     System.out.println((String) conn.recv());   // pong
 * }).start();
 * var conn = pipe.first();
 * String ping = conn.recv();
 * conn.send("pong");
 * child.join();
 * }</pre>
 *
 * <p>{@link #send} and {@link #recv} carry values (numbers, strings and byte arrays fast, other
 * values by Java serialization; a value that cannot travel fails at {@code send}, naming its
 * type). {@link #sendBytes} and {@link #recvBytes} carry raw bytes, the fastest way to move large
 * data; read each message the way it was sent.
 *
 * <p><b>The end of the conversation.</b> The processes that use an end are those that sent,
 * received or polled through it. When every one of them has closed its handle or ended, and
 * nothing is left to receive, {@link #recv} at the other end throws {@link EOFError} instead of
 * waiting forever, also when the process was killed. Before anyone has used the other end,
 * {@code recv} waits (a process may be on its way). Closing a handle that this process never
 * used changes nothing for the other end, so Python's habit of closing, in the parent, the end
 * handed to a child is harmless.
 *
 * <p>Each direction is a buffer of 8 MiB of shared memory: {@code send} returns as soon as the
 * message is in it; a larger message is streamed while the other end receives it. The handle
 * travels to child processes as a handle to the same pipe.
 */
public final class Connection implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ByteRing incoming;
    private final ByteRing outgoing;
    private transient volatile boolean closed;
    private transient volatile boolean userRecorded;

    /**
     * An end named {@code name} ("first", "second") that receives from {@code incoming} and sends
     * to {@code outgoing}; either is null at an end of a one-way pipe.
     */
    Connection(String name, ByteRing incoming, ByteRing outgoing) {
        this.name = name;
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /**
     * Sends a copy of {@code value} to the other end.
     *
     * @throws NotSerializableValueException if it cannot travel (nothing is sent)
     * @throws BrokenPipeError if it must wait for room and nobody is left at the other end
     * @throws IllegalStateException if this handle is closed, or this end of a one-way pipe only receives
     */
    public void send(Object value) throws InterruptedException {
        byte[] message = MessageCodec.encode(value, "a message sent through a Pipe");
        write(message, 0, message.length);
    }

    /** Sends {@code bytes} as one message, to be read with {@link #recvBytes()}. */
    public void sendBytes(byte[] bytes) throws InterruptedException {
        write(bytes, 0, bytes.length);
    }

    /** Sends {@code length} bytes of {@code bytes} from {@code offset} as one message, to be read with {@link #recvBytes()}. */
    public void sendBytes(byte[] bytes, int offset, int length) throws InterruptedException {
        write(bytes, offset, length);
    }

    /**
     * Receives the next value sent with {@link #send}, waiting for it.
     *
     * @throws EOFError if nothing is left and every process that used the other end closed it or ended
     * @throws IllegalStateException if this handle is closed, or this end of a one-way pipe only sends
     */
    @SuppressWarnings("unchecked")
    public <T> T recv() throws InterruptedException {
        return (T) MessageCodec.decode(read());
    }

    /** Receives the next message sent with {@link #sendBytes}, waiting for it; as {@link #recv()} otherwise. */
    public byte[] recvBytes() throws InterruptedException {
        return read();
    }

    /**
     * Whether {@link #recv} would return without waiting: a message is there, or the other end is
     * finished (then {@code recv} throws {@link EOFError}), like Python's {@code poll()}.
     */
    public boolean poll() {
        return !receiving().isEmpty() || peerFinished();
    }

    /** Waits at most {@code timeout} until {@link #poll()} is true; returns whether it became true. */
    public boolean poll(Duration timeout) throws InterruptedException {
        ByteRing ring = receiving();
        try {
            return ring.awaitMessage(Backoff.forNanos(timeout.toNanos()), this::endIfPeerFinished) || peerFinished();
        } catch (EOFError | BrokenRingException e) {
            return true;
        }
    }

    /**
     * Closes this handle: it can no longer send or receive. If this process used this end, it no
     * longer counts as a user of it, so once every user has closed or ended, the other end
     * receives {@link EOFError} after the last message. Closing twice is harmless.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (userRecorded) {
            long self = Liveness.self();
            if (outgoing != null) {
                outgoing.senders().remove(self);
            }
            if (incoming != null) {
                incoming.receivers().remove(self);
            }
        }
    }

    /** Whether this handle was closed. */
    public boolean closed() {
        return closed;
    }

    /** Like {@code <Connection first, duplex>} or {@code <Connection second, sends only, closed>}. */
    @Override
    public String toString() {
        String direction = incoming == null ? "sends only" : outgoing == null ? "receives only" : "duplex";
        return "<Connection " + name + ", " + direction + (closed ? ", closed" : "") + ">";
    }

    private void write(byte[] bytes, int offset, int length) throws InterruptedException {
        ByteRing ring = sending();
        try {
            ring.write(bytes, offset, length, 0, Backoff.forever(), this::failIfNobodyReceives);
        } catch (BrokenRingException e) {
            throw new BrokenPipeError("the pipe is broken: " + e.getMessage());
        }
    }

    private byte[] read() throws InterruptedException {
        ByteRing ring = receiving();
        try {
            return ring.read(Backoff.forever(), this::endIfPeerFinished);
        } catch (BrokenRingException e) {
            throw new EOFError("the pipe is broken: " + e.getMessage());
        }
    }

    private ByteRing sending() {
        checkOpen();
        if (outgoing == null) {
            throw new IllegalStateException("this end (" + name + ") of a one-way pipe only receives;"
                    + " send with the other end, pipe.second()");
        }
        recordUser();
        return outgoing;
    }

    private ByteRing receiving() {
        checkOpen();
        if (incoming == null) {
            throw new IllegalStateException("this end (" + name + ") of a one-way pipe only sends;"
                    + " receive with the other end, pipe.first()");
        }
        recordUser();
        return incoming;
    }

    /** Records this process as a user of this end, in both directions it takes part in. */
    private void recordUser() {
        if (!userRecorded) {
            long self = Liveness.self();
            if (outgoing != null) {
                outgoing.senders().add(self);
            }
            if (incoming != null) {
                incoming.receivers().add(self);
            }
            userRecorded = true;
        }
    }

    /** Every user of the other end closed it or ended, and nothing is left to receive. */
    private boolean peerFinished() {
        return incoming.senders().allEnded() && incoming.isEmpty();
    }

    private void endIfPeerFinished() {
        if (peerFinished()) {
            throw new EOFError("nothing left to receive: every process that used the other end of the pipe"
                    + " has closed it or ended");
        }
    }

    private void failIfNobodyReceives() {
        if (outgoing.receivers().allEnded()) {
            throw new BrokenPipeError("the pipe is full and every process that used its other end has closed it"
                    + " or ended, so nobody will ever receive");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Connection handle (" + name + ") is closed");
        }
    }
}
