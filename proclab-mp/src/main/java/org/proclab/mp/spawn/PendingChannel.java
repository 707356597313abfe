package org.proclab.mp.spawn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending side of a child's pipes, usable from the moment the child's JVM exists: frames
 * sent before the child has connected are kept, in order, and go out the moment it connects. This
 * is what lets {@code Process.start()} return while the child is still booting, with its name and
 * task already on their way.
 *
 * <p>Thread-safe: frames from any thread go out whole and in the order of the calls.
 */
final class PendingChannel {
    private final List<Frame> waiting = new ArrayList<>();
    private FrameChannel channel;
    private String gone;

    /** Keeps the first frames for a child that has not been handed over yet; they go out when it connects. */
    synchronized void queue(FrameType type, long id, byte[] payload) {
        if (channel != null || gone != null) {
            throw new IllegalStateException("frames are queued only before the child is handed over");
        }
        waiting.add(new Frame(type, id, payload));
    }

    /** Sends a frame now, or as soon as the child connects. */
    synchronized void send(FrameType type, long id, byte[] payload) throws IOException {
        if (channel == null) {
            write(type, id, payload);
        } else {
            channel.send(type, id, payload);
        }
    }

    /** Buffers a frame until {@link #flush()}, as {@link FrameChannel#write} does. */
    synchronized void write(FrameType type, long id, byte[] payload) throws IOException {
        if (gone != null) {
            throw new IOException(gone);
        }
        if (channel == null) {
            waiting.add(new Frame(type, id, payload));
        } else {
            channel.write(type, id, payload);
        }
    }

    /** Sends the buffered frames, if the child has connected; otherwise they go when it does. */
    synchronized void flush() throws IOException {
        if (channel != null) {
            channel.flush();
        }
    }

    /** The child has connected: the frames kept so far go out, in order, and later ones directly. */
    synchronized void connected(FrameChannel connectedChannel) throws IOException {
        channel = connectedChannel;
        for (Frame frame : waiting) {
            channel.write(frame.type(), frame.id(), frame.payload());
        }
        waiting.clear();
        channel.flush();
    }

    /** The child will never connect: kept frames are dropped and every later send fails with {@code why}. */
    synchronized void failed(String why) {
        gone = why;
        waiting.clear();
    }
}
