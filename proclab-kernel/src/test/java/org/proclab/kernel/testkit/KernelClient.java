package org.proclab.kernel.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.proclab.kernel.wire.ConnectionInfo;
import org.proclab.kernel.wire.Header;
import org.proclab.kernel.wire.InvalidMessageException;
import org.proclab.kernel.wire.Json;
import org.proclab.kernel.wire.Message;
import org.proclab.kernel.wire.MessageSigner;
import org.proclab.kernel.wire.Multipart;
import org.proclab.kernel.wire.WireCodec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter front end for the JUnit tests that start the kernel as a process on every JDK
 * (KernelProcessTest), where no Python is at hand: DEALER sockets for shell and control, a SUB socket
 * for IOPub subscribed to everything. Messages are signed and checked with the project's own
 * {@link WireCodec}; a message from the kernel that fails to verify is never matched, and a wait that
 * times out lists it. The protocol itself is tested from Python with jupyter_client
 * (docs/decisions/042-one-end-to-end-client-per-question.md).
 *
 * <p>Not thread-safe: one test thread owns the client and all its sockets. Everything received is
 * kept in per-channel logs, so a wait also finds a message that arrived before it began.
 */
public final class KernelClient implements AutoCloseable {
    /** The sockets this client talks to. */
    public enum Channel { SHELL, CONTROL, IOPUB }

    /** What the kernel sent for one execute_request: its reply and the IOPub messages under it, in order. */
    public record Execution(Message reply, List<Message> iopub) {
        public String status() {
            return reply.content().path("status").asText();
        }

        /** The text/plain of the execute_result, or null if there was none. */
        public String result() {
            return iopub.stream().filter(m -> m.type().equals("execute_result"))
                    .map(m -> m.content().path("data").path("text/plain").asText()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return "Execution[reply=" + reply.content() + ", iopub=" + iopub.stream()
                    .map(KernelClient::summary).toList() + "]";
        }
    }

    private final ZContext context = new ZContext(1);
    private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    private final Map<Channel, List<Message>> received = new EnumMap<>(Channel.class);
    private final WireCodec codec;
    private final ZMQ.Poller poller;
    private final String session = UUID.randomUUID().toString();
    private final List<String> invalid = new ArrayList<>();

    public KernelClient(ConnectionInfo info) {
        codec = new WireCodec(new MessageSigner(info.key()));
        byte[] identity = ("test-" + session).getBytes(StandardCharsets.US_ASCII);
        sockets.put(Channel.SHELL, connect(SocketType.DEALER, info.endpoint(info.shellPort()), identity));
        sockets.put(Channel.CONTROL, connect(SocketType.DEALER, info.endpoint(info.controlPort()), identity));
        ZMQ.Socket iopub = connect(SocketType.SUB, info.endpoint(info.iopubPort()), null);
        iopub.subscribe(new byte[0]);
        sockets.put(Channel.IOPUB, iopub);
        poller = context.createPoller(Channel.values().length);
        for (Channel channel : Channel.values()) {
            poller.register(sockets.get(channel), ZMQ.Poller.POLLIN);
            received.put(channel, new ArrayList<>());
        }
    }

    private ZMQ.Socket connect(SocketType type, String endpoint, byte[] identity) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        if (identity != null) {
            socket.setIdentity(identity);
        }
        socket.connect(endpoint);
        return socket;
    }

    /** Builds, signs and sends a request of this client's session on a channel; returns its msg_id. */
    public String send(Channel channel, String msgType, Object content) {
        Message message = new Message(List.of(), Header.create(msgType, session, "test"), null,
                Json.MAPPER.createObjectNode(), Json.MAPPER.valueToTree(content), List.of());
        if (!Multipart.send(sockets.get(channel), codec.encode(message))) {
            throw new IllegalStateException("could not send on " + channel);
        }
        return message.header().msgId();
    }

    /**
     * Sends kernel_info_request until the kernel answers on shell and its status reaches us on
     * IOPub (the subscription needs a moment to take effect), then returns the reply.
     */
    public Message awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> sent = new ArrayList<>();
        Message reply = null;
        while (System.nanoTime() < deadline) {
            sent.add(send(Channel.SHELL, "kernel_info_request", Map.of()));
            long round = Math.min(deadline, System.nanoTime() + Duration.ofMillis(500).toNanos());
            while (System.nanoTime() < round) {
                pump(round);
                if (reply == null) {
                    reply = find(Channel.SHELL, m -> sent.contains(parentId(m)) && m.type().equals("kernel_info_reply"));
                }
                boolean iopubSeen = find(Channel.IOPUB, m -> sent.contains(parentId(m))) != null;
                if (reply != null && iopubSeen) {
                    return reply;
                }
            }
        }
        throw new AssertionError("the kernel did not become ready within " + timeout
                + " (shell reply: " + (reply != null) + ", messages that failed to verify: " + invalid + ")");
    }

    /** Runs one cell and waits (up to 60 s) for its reply and idle status. */
    public Execution execute(String code) {
        Duration timeout = Duration.ofSeconds(60);
        String id = send(Channel.SHELL, "execute_request", Map.of("code", code, "silent", false,
                "store_history", true, "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
        Message reply = awaitReply(Channel.SHELL, id, timeout);
        await(Channel.IOPUB, m -> id.equals(parentId(m)) && isIdle(m), timeout, "the idle status of " + id);
        return new Execution(reply, received.get(Channel.IOPUB).stream().filter(m -> id.equals(parentId(m))).toList());
    }

    /** Sends shutdown_request (no restart) on control and returns the shutdown_reply. */
    public Message shutdown(Duration timeout) {
        String id = send(Channel.CONTROL, "shutdown_request", Map.of("restart", false));
        return awaitReply(Channel.CONTROL, id, timeout);
    }

    /** Waits for the reply to a request on a channel. */
    public Message awaitReply(Channel channel, String parentMsgId, Duration timeout) {
        return await(channel, m -> parentMsgId.equals(parentId(m)), timeout,
                "a reply to " + parentMsgId + " on " + channel);
    }

    private Message await(Channel channel, Predicate<Message> predicate, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message found = find(channel, predicate);
            if (found != null) {
                return found;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; received on " + channel + ": " + received.get(channel).stream()
                        .map(KernelClient::summary).toList() + "; messages that failed to verify: " + invalid);
            }
            pump(deadline);
        }
    }

    /** Receives whatever arrives until the deadline or until at least one message came in. */
    private void pump(long deadlineNanos) {
        long waitMillis = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
        if (poller.poll(Math.max(1, Math.min(waitMillis, 200))) <= 0) {
            return;
        }
        for (Channel channel : Channel.values()) {
            ZMQ.Socket socket = sockets.get(channel);
            List<byte[]> frames;
            while ((frames = Multipart.receiveNow(socket)) != null) {
                try {
                    received.get(channel).add(codec.decode(frames));
                } catch (InvalidMessageException e) {
                    invalid.add(channel + ": " + e.getMessage());
                }
            }
        }
    }

    private Message find(Channel channel, Predicate<Message> predicate) {
        for (Message message : received.get(channel)) {
            if (predicate.test(message)) {
                return message;
            }
        }
        return null;
    }

    /** A short description of a message for failure messages: type, parent id and the start of the content. */
    private static String summary(Message message) {
        String content = String.valueOf(message.content());
        return message.type() + "(parent " + parentId(message) + ") "
                + (content.length() > 100 ? content.substring(0, 100) + "..." : content);
    }

    private static String parentId(Message message) {
        return message.parentHeader() == null ? null : message.parentHeader().msgId();
    }

    private static boolean isIdle(Message message) {
        return message.type().equals("status") && message.content().path("execution_state").asText().equals("idle");
    }

    @Override
    public void close() {
        poller.close();
        context.close();
    }
}
