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
import java.nio.channels.SocketChannel;

/**
 * Frames over a local socket: {@code [type:1][id:8][length:4][payload]}. Sending is
 * thread-safe (a frame is sent whole, and a flush sends every frame written before it); receiving is
 * for one reader thread.
 */
public final class FrameChannel implements AutoCloseable {
    /** Frames larger than this are refused, so a corrupt length cannot exhaust memory. */
    static final int MAX_PAYLOAD = 512 * 1024 * 1024;

    private final SocketChannel socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public FrameChannel(SocketChannel socket) {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(new ReadSide(socket), 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(new WriteSide(socket), 64 * 1024));
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
     * Closes the socket once a frame that another thread is sending has gone out whole, so that a
     * side that closes on purpose never leaves the other reading half a frame.
     */
    @Override
    public synchronized void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that already failed: nothing left to release
        }
    }

    /*
     * Plain adapters instead of Channels.newInputStream/newOutputStream: on some JDKs those hold the
     * channel's blocking lock while a read waits, which would block every send meanwhile.
     */
    private static final class ReadSide extends InputStream {
        private final SocketChannel socket;

        ReadSide(SocketChannel socket) {
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return length == 0 ? 0 : socket.read(ByteBuffer.wrap(bytes, offset, length));
        }
    }

    private static final class WriteSide extends OutputStream {
        private final SocketChannel socket;

        WriteSide(SocketChannel socket) {
            this.socket = socket;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                socket.write(buffer);
            }
        }
    }
}
