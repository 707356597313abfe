package org.proclab.kernel.wire;

import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Echoes every ping on the heartbeat socket so the front end knows the kernel process is alive.
 * The thread owns its socket and blocks in {@code recv}; closing the context ends it.
 */
final class Heartbeat {
    private final Thread thread;

    Heartbeat(ZMQ.Socket socket) {
        thread = new Thread(() -> echo(socket), "proclab-heartbeat");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private static void echo(ZMQ.Socket socket) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] ping = socket.recv();
                if (ping == null) {
                    return;
                }
                socket.send(ping);
            }
        } catch (ZMQException | IllegalStateException e) {
            socket.close(); // the context closed (JeroMQ may say so with a ClosedSelectorException)
        }
    }
}
