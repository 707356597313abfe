package org.proclab.kernel.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The one thread that owns a ZeroMQ socket. ZeroMQ sockets are not thread-safe, and JeroMQ breaks
 * when a thread using one is interrupted, so no other thread touches the socket: they call
 * {@link #send}, which queues the message and wakes this thread through a pipe. The thread sleeps
 * in {@code poll} until the socket or the pipe has something; there is no polling interval.
 *
 * <p>Incoming messages are checked by the {@link WireCodec}; bad ones (wrong signature, malformed)
 * are logged and dropped. Valid ones go to the receiver <em>on this thread</em>, so receivers must
 * only hand work off.
 */
public final class SocketLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SocketLoop.class.getName());

    private final String name;
    private final ZContext context;
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final Consumer<Message> receiver;
    private final Queue<Message> outbox = new ConcurrentLinkedQueue<>();
    private final Pipe wakeUp;
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param receiver gets each valid incoming message, or null for a send-only socket (IOPub)
     */
    public SocketLoop(String name, ZContext context, ZMQ.Socket socket, WireCodec codec, Consumer<Message> receiver) {
        this.name = name;
        this.context = context;
        this.socket = socket;
        this.codec = codec;
        this.receiver = receiver;
        try {
            this.wakeUp = Pipe.open();
            wakeUp.source().configureBlocking(false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the wake-up pipe of socket " + name, e);
        }
        this.thread = new Thread(this::run, "proclab-" + name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Queues a message for sending; callable from any thread, never blocks on the network. */
    public void send(Message message) {
        if (closing) {
            return;
        }
        outbox.add(message);
        wake();
    }

    /** Sends what is queued, then stops the thread and closes the socket. */
    @Override
    public void close() {
        closing = true;
        wake();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wake() {
        try {
            wakeUp.sink().write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "wake-up of " + name + " after close", e);
        }
    }

    private void run() {
        try (ZMQ.Poller poller = context.createPoller(2)) {
            int socketIndex = receiver == null ? -1 : poller.register(socket, ZMQ.Poller.POLLIN);
            int pipeIndex = poller.register(wakeUp.source(), ZMQ.Poller.POLLIN);
            while (!closing) {
                poller.poll(-1);
                if (socketIndex >= 0 && poller.pollin(socketIndex)) {
                    receiveAvailable();
                }
                if (poller.pollin(pipeIndex)) {
                    drainWakeUps();
                }
                sendQueued();
            }
            sendQueued();
        } catch (ZMQException | IllegalStateException e) {
            if (!closing) {
                LOG.log(System.Logger.Level.ERROR, "socket " + name + " stopped", e);
            }
        } finally {
            socket.setLinger(1000);
            socket.close();
            closePipe();
        }
    }

    private void receiveAvailable() {
        List<byte[]> frames;
        while ((frames = Multipart.receiveNow(socket)) != null) {
            Message message;
            try {
                message = codec.decode(frames);
            } catch (InvalidMessageException e) {
                LOG.log(System.Logger.Level.WARNING, "dropped a message on " + name + ": " + e.getMessage());
                continue;
            }
            try {
                receiver.accept(message);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "handler of " + message.type() + " on " + name + " failed", e);
            }
        }
    }

    private void sendQueued() {
        Message message;
        while ((message = outbox.poll()) != null) {
            Multipart.send(socket, codec.encode(message));
        }
    }

    private void drainWakeUps() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try {
            while (wakeUp.source().read(buffer) > 0) {
                buffer.clear();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "wake-up pipe of " + name + " closed", e);
        }
    }

    private void closePipe() {
        try {
            wakeUp.source().close();
            wakeUp.sink().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing wake-up pipe of " + name, e);
        }
    }
}
