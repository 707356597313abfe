package org.proclab.kernel.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
 * A minimal Jupyter front end for tests: DEALER sockets for shell, control and stdin, a SUB socket
 * for IOPub subscribed to everything. Messages are signed and checked with the project's own
 * {@link WireCodec}, so a kernel reply with a bad signature fails the test.
 *
 * <p>Not thread-safe: one test thread owns the client and all its sockets. Everything received is
 * kept in per-channel logs, so a test can later check what arrived (or did not) for a request.
 */
public final class KernelClient implements AutoCloseable {
    /** The sockets a front end talks to. */
    public enum Channel { SHELL, CONTROL, STDIN, IOPUB }

    /** What the kernel sent for one execute_request: its reply and the IOPub messages under it, in order. */
    public record Execution(Message reply, List<Message> iopub) {
        public String status() {
            return reply.content().path("status").asText();
        }

        public int executionCount() {
            return reply.content().path("execution_count").asInt(-1);
        }

        /** The text/plain of the execute_result, or null if there was none. */
        public String result() {
            return iopub.stream().filter(m -> m.type().equals("execute_result"))
                    .map(m -> m.content().path("data").path("text/plain").asText()).findFirst().orElse(null);
        }

        /** The concatenated text of one stream (stdout or stderr). */
        public String stream(String name) {
            return iopub.stream().filter(m -> m.type().equals("stream") && m.content().path("name").asText().equals(name))
                    .map(m -> m.content().path("text").asText()).collect(Collectors.joining());
        }

        /** The content of the error broadcast, or null. */
        public JsonNode error() {
            return iopub.stream().filter(m -> m.type().equals("error")).map(Message::content).findFirst().orElse(null);
        }

        /** The message types on IOPub, e.g. [status, execute_input, execute_result, status]. */
        public List<String> iopubTypes() {
            return iopub.stream().map(m -> m.type().equals("status")
                    ? "status:" + m.content().path("execution_state").asText() : m.type()).toList();
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
        byte[] identity = ("test-" + session).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        sockets.put(Channel.SHELL, connect(SocketType.DEALER, info.endpoint(info.shellPort()), identity));
        sockets.put(Channel.CONTROL, connect(SocketType.DEALER, info.endpoint(info.controlPort()), identity));
        sockets.put(Channel.STDIN, connect(SocketType.DEALER, info.endpoint(info.stdinPort()), identity));
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

    /** The session id in the headers of this client's requests. */
    public String session() {
        return session;
    }

    /** A request message of this client's session, not yet sent. */
    public Message request(String msgType, Object content) {
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        return new Message(List.of(), Header.create(msgType, session, "test"), null, metadata,
                Json.MAPPER.valueToTree(content), List.of());
    }

    /** Signs and sends a message on a channel; returns its msg_id. */
    public String send(Channel channel, Message message) {
        sendFrames(channel, codec.encode(message));
        return message.header().msgId();
    }

    /** Builds, signs and sends a request; returns its msg_id. */
    public String send(Channel channel, String msgType, Object content) {
        return send(channel, request(msgType, content));
    }

    /** Sends frames exactly as given on the shell socket (no signing, no checks). */
    public void sendRaw(List<byte[]> frames) {
        sendFrames(Channel.SHELL, frames);
    }

    private void sendFrames(Channel channel, List<byte[]> frames) {
        if (!Multipart.send(sockets.get(channel), frames)) {
            throw new IllegalStateException("could not send on " + channel);
        }
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
                + " (shell reply: " + (reply != null) + ")");
    }

    /** Sends an execute_request and returns its msg_id without waiting. */
    public String startExecute(String code) {
        return send(Channel.SHELL, "execute_request", Map.of("code", code, "silent", false, "store_history", true,
                "user_expressions", Map.of(), "allow_stdin", true, "stop_on_error", true));
    }

    /** Waits for the execute_reply and the idle status of a request started with {@link #startExecute}. */
    public Execution awaitExecution(String msgId, Duration timeout) {
        Message reply = awaitReply(Channel.SHELL, msgId, timeout);
        awaitIopub(m -> msgId.equals(parentId(m)) && isIdle(m), timeout);
        return new Execution(reply, iopubFor(msgId));
    }

    /** Runs one cell and waits (up to 60 s) for its reply and idle status. */
    public Execution execute(String code) {
        return awaitExecution(startExecute(code), Duration.ofSeconds(60));
    }

    /** Sends interrupt_request on control and returns the interrupt_reply. */
    public Message interrupt(Duration timeout) {
        String id = send(Channel.CONTROL, "interrupt_request", Map.of());
        return awaitReply(Channel.CONTROL, id, timeout);
    }

    /** Sends shutdown_request on control and returns the shutdown_reply. */
    public Message shutdown(boolean restart, Duration timeout) {
        String id = send(Channel.CONTROL, "shutdown_request", Map.of("restart", restart));
        return awaitReply(Channel.CONTROL, id, timeout);
    }

    /** Sends an input_reply on stdin, answering the kernel's input_request. */
    public void sendInput(String value) {
        send(Channel.STDIN, "input_reply", Map.of("value", value));
    }

    /** Waits for the reply to a request on a channel. */
    public Message awaitReply(Channel channel, String parentMsgId, Duration timeout) {
        return await(channel, m -> parentMsgId.equals(parentId(m)), timeout,
                "a reply to " + parentMsgId + " on " + channel);
    }

    /** Waits for an IOPub message matching the predicate (also among those already received). */
    public Message awaitIopub(Predicate<Message> predicate, Duration timeout) {
        return await(Channel.IOPUB, predicate, timeout, "an IOPub message");
    }

    /** Waits for a message on a channel matching the predicate (also among those already received). */
    public Message await(Channel channel, Predicate<Message> predicate, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message found = find(channel, predicate);
            if (found != null) {
                return found;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; received on " + channel + ": " + received.get(channel).stream()
                        .map(KernelClient::summary).toList());
            }
            pump(deadline);
        }
    }

    /** Receives whatever arrives until the deadline or until at least one message came in. */
    public void pump(long deadlineNanos) {
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

    /** Receives for a while, collecting everything (to check that something does not arrive). */
    public void drain(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            pump(deadline);
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

    /** Every message received so far on a channel, in order. */
    public List<Message> received(Channel channel) {
        return List.copyOf(received.get(channel));
    }

    /** The IOPub messages whose parent is the given request, in arrival order. */
    public List<Message> iopubFor(String parentMsgId) {
        return received.get(Channel.IOPUB).stream().filter(m -> parentMsgId.equals(parentId(m))).toList();
    }

    /** Messages from the kernel this client could not decode (e.g. wrong signature); should stay empty. */
    public List<String> invalidMessages() {
        return List.copyOf(invalid);
    }

    /** A short description of a message for failure messages: type, parent id and the start of the content. */
    public static String summary(Message message) {
        String content = String.valueOf(message.content());
        return message.type() + "(parent " + parentId(message) + ") "
                + (content.length() > 100 ? content.substring(0, 100) + "..." : content);
    }

    /** The msg_id of a message's parent header, or null. */
    public static String parentId(Message message) {
        return message.parentHeader() == null ? null : message.parentHeader().msgId();
    }

    public static boolean isIdle(Message message) {
        return message.type().equals("status") && message.content().path("execution_state").asText().equals("idle");
    }

    public static boolean isBusy(Message message) {
        return message.type().equals("status") && message.content().path("execution_state").asText().equals("busy");
    }

    @Override
    public void close() {
        poller.close();
        context.close();
    }
}
