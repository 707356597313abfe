package org.proclab.mp.spawn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Frames over a pair of pipes: {@code [type:1][id:8][length:4][payload]}. Sending is thread-safe (a
 * frame is sent whole, and a flush sends every frame written before it); receiving is for one reader
 * thread. How a parent and its child get their pipes: {@link ChildPipes}.
 */
public final class FrameChannel implements AutoCloseable {
    /** Frames larger than this are refused, so a corrupt length cannot exhaust memory. */
    static final int MAX_PAYLOAD = 512 * 1024 * 1024;

    private final InputStream source;
    private final OutputStream sink;
    private final DataInputStream in;
    private final DataOutputStream out;

    private FrameChannel(InputStream source, OutputStream sink) {
        this.source = source;
        this.sink = sink;
        this.in = new DataInputStream(new BufferedInputStream(source, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(sink, 64 * 1024));
    }

    /** Frames read from {@code source} and written to {@code sink}; closing the channel closes both. */
    static FrameChannel of(InputStream source, OutputStream sink) {
        return new FrameChannel(source, sink);
    }

    /**
     * Frames read from {@code source}, a channel whose {@code close()} wakes a thread blocked in a read
     * (a {@link java.nio.channels.FileChannel} does), and written to {@code sink}. A child reads its
     * standard input so: a thread left blocked in a plain read would delay its JVM's exit by ~300 ms.
     */
    static FrameChannel of(ReadableByteChannel source, OutputStream sink) {
        return new FrameChannel(new ReadSide(source), sink);
    }
    public synchronized void send(FrameType type, long id, byte[] payload) throws IOException {
        write(type, id, payload);
        out.flush();
    }

    /** Buffers a frame without sending it yet; the next {@link #flush()} or {@link #send} sends it. */
    public synchronized void write(FrameType type, long id, byte[] payload) throws IOException {
        out.writeByte(type.ordinal());
        out.writeLong(id);
        out.writeInt(payload.length);
        out.write(payload);
    }

    /** Sends the frames buffered by {@link #write}. */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** The next frame, or null at the end of the stream (the other side closed or died). */
    public Frame receive() throws IOException {
        int type;
        try {
            type = in.readUnsignedByte();
        } catch (EOFException e) {
            return null;
        }
        long id = in.readLong();
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("corrupt frame: payload length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(FrameType.of(type), id, payload);
    }

    /**
     * Closes both pipes once a frame that another thread is sending has gone out whole, so that a
     * side that closes on purpose never leaves the other reading half a frame.
     */
    @Override
    public synchronized void close() {
        closeQuietly(sink);
        closeQuietly(source);
    }

    private static void closeQuietly(AutoCloseable end) {
        try {
            end.close();
        } catch (Exception e) {
            // closing a pipe that already failed: nothing left to release
        }
    }

    /*
     * A plain adapter instead of Channels.newInputStream: on some JDKs that holds the channel's
     * blocking lock while a read waits.
     */
    private static final class ReadSide extends InputStream {
        private final ReadableByteChannel channel;

        ReadSide(ReadableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
