package org.proclab.kernel.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns multipart ZeroMQ frames into {@link Message}s and back:
 * {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]}.
 * The signature is checked before any JSON is parsed, so an unsigned or forged message never
 * reaches the kernel.
 */
public final class WireCodec {
    /**
     * Messages larger than this (in total) are refused without being parsed; each socket also
     * refuses single frames larger than this before they fill memory.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final MessageSigner signer;

    public WireCodec(MessageSigner signer) {
        this.signer = signer;
    }

    /** Checks and parses the frames of one incoming message. */
    public Message decode(List<byte[]> frames) throws InvalidMessageException {
        long total = frames.stream().mapToLong(f -> f.length).sum();
        if (total > MAX_MESSAGE_BYTES) {
            throw new InvalidMessageException("message of " + total + " bytes exceeds the limit of " + MAX_MESSAGE_BYTES);
        }
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new InvalidMessageException("malformed message: no <IDS|MSG> delimiter followed by five frames");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new InvalidMessageException("invalid HMAC signature");
        }
        try {
            Header parsedHeader = Json.MAPPER.readValue(header, Header.class);
            if (parsedHeader.msgType() == null || parsedHeader.msgId() == null) {
                throw new InvalidMessageException("header without msg_type or msg_id");
            }
            return new Message(frames.subList(0, delimiter), parsedHeader, parseParent(parent),
                    asObject(Json.MAPPER.readTree(metadata)), Json.MAPPER.readTree(content),
                    frames.subList(delimiter + 6, frames.size()));
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("malformed JSON in message: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new InvalidMessageException("unreadable message: " + e.getMessage(), e);
        }
    }

    /** Serialises and signs a message into frames ready to send. */
    public List<byte[]> encode(Message message) {
        try {
            byte[] header = Json.MAPPER.writeValueAsBytes(message.header());
            byte[] parent = message.parentHeader() == null ? EMPTY_OBJECT : Json.MAPPER.writeValueAsBytes(message.parentHeader());
            byte[] metadata = message.metadata() == null ? EMPTY_OBJECT : Json.MAPPER.writeValueAsBytes(message.metadata());
            byte[] content = message.content() == null ? EMPTY_OBJECT : Json.MAPPER.writeValueAsBytes(message.content());
            List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
            frames.addAll(message.identities());
            frames.add(DELIMITER);
            frames.add(signer.sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII));
            frames.add(header);
            frames.add(parent);
            frames.add(metadata);
            frames.add(content);
            frames.addAll(message.buffers());
            return frames;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static Header parseParent(byte[] parent) throws java.io.IOException {
        JsonNode node = Json.MAPPER.readTree(parent);
        return node == null || node.isEmpty() ? null : Json.MAPPER.treeToValue(node, Header.class);
    }

    private static ObjectNode asObject(JsonNode node) throws InvalidMessageException {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new InvalidMessageException("metadata is not a JSON object");
    }
}
