package org.proclab.kernel.wire;

import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The five sockets of a kernel, bound exactly where the connection file says: shell and control
 * (requests), stdin (input requests to the front end), IOPub (broadcasts) and heartbeat. Each
 * socket is owned by its own thread ({@link SocketLoop}); everyone else only queues messages.
 */
public final class JupyterSockets implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    private final SocketLoop shell;
    private final SocketLoop control;
    private final SocketLoop stdin;
    private final SocketLoop iopub;
    private final Heartbeat heartbeat;

    /**
     * Binds all sockets; incoming messages go to the given receivers on the socket's own thread.
     */
    public JupyterSockets(ConnectionInfo info, Consumer<Message> onShell, Consumer<Message> onControl,
                          Consumer<Message> onStdin) {
        WireCodec codec = new WireCodec(new MessageSigner(info.key()));
        shell = new SocketLoop("shell", context, bind(SocketType.ROUTER, info, info.shellPort()), codec, onShell);
        control = new SocketLoop("control", context, bind(SocketType.ROUTER, info, info.controlPort()), codec, onControl);
        stdin = new SocketLoop("stdin", context, bind(SocketType.ROUTER, info, info.stdinPort()), codec, onStdin);
        iopub = new SocketLoop("iopub", context, bind(SocketType.PUB, info, info.iopubPort()), codec, null);
        heartbeat = new Heartbeat(bind(SocketType.REP, info, info.hbPort()));
    }

    public void start() {
        iopub.start();
        shell.start();
        control.start();
        stdin.start();
        heartbeat.start();
    }

    public void sendShell(Message message) {
        shell.send(message);
    }

    public void sendControl(Message message) {
        control.send(message);
    }

    public void sendStdin(Message message) {
        stdin.send(message);
    }

    public void publish(Message message) {
        iopub.send(message);
    }

    /** Flushes what is queued on every socket, then closes them all. */
    @Override
    public void close() {
        shell.close();
        control.close();
        stdin.close();
        iopub.close();
        context.close();
    }

    private ZMQ.Socket bind(SocketType type, ConnectionInfo info, int port) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(1000);
        socket.setMaxMsgSize(WireCodec.MAX_MESSAGE_BYTES);
        socket.bind(info.endpoint(port));
        return socket;
    }
}
