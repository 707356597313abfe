package org.proclab.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Moves one multipart ZeroMQ message, as a list of frames, on a socket owned by the calling thread. */
public final class Multipart {
    private Multipart() {
    }

    /** The frames of the next message if one is waiting, else null; never blocks. */
    public static List<byte[]> receiveNow(ZMQ.Socket socket) {
        return withRest(socket, socket.recv(ZMQ.DONTWAIT));
    }

    /** The frames of the next message, waiting at most the socket's receive timeout; null if none came. */
    public static List<byte[]> receive(ZMQ.Socket socket) {
        return withRest(socket, socket.recv());
    }

    private static List<byte[]> withRest(ZMQ.Socket socket, byte[] first) {
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    /** Sends the frames as one message; false if the socket refused a frame. */
    public static boolean send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (!socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0)) {
                return false;
            }
        }
        return true;
    }
}
