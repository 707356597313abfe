package org.proclab.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One Jupyter message as it travels: ZeroMQ routing identities, header, parent header (null for
 * none), metadata, content and binary buffers. Content stays a JSON tree here; the kernel converts
 * it to and from the typed records of {@code org.proclab.kernel.protocol}.
 */
public record Message(List<byte[]> identities, Header header, Header parentHeader, ObjectNode metadata,
                      JsonNode content, List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    /** A message that answers no request, such as the {@code starting} status. */
    public static Message broadcast(String msgType, Object content) {
        return broadcast(msgType, content, Map.of());
    }

    /** A message that answers no request, with {@code metadata}. */
    public static Message broadcast(String msgType, Object content, Map<String, ?> metadata) {
        return new Message(List.of(), Header.create(msgType, "", "kernel"), null,
                Json.MAPPER.valueToTree(metadata), Json.MAPPER.valueToTree(content), List.of());
    }

    /** The message type, e.g. {@code execute_request}. */
    public String type() {
        return header.msgType();
    }

    /** Reads the content as a record of the given type. */
    public <T> T content(Class<T> type) {
        return Json.MAPPER.convertValue(content, type);
    }

    /**
     * Builds a message that answers or follows this one: same session and routing identities, this
     * header as parent.
     */
    public Message reply(String msgType, Object content) {
        return reply(msgType, content, Map.of());
    }

    /** A reply as {@link #reply(String, Object)} builds it, with {@code metadata}. */
    public Message reply(String msgType, Object content, Map<String, ?> metadata) {
        return new Message(identities, Header.create(msgType, header.session(), header.username()),
                header, Json.MAPPER.valueToTree(metadata), Json.MAPPER.valueToTree(content), List.of());
    }
}
