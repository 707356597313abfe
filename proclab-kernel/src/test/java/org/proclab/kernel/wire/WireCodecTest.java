package org.proclab.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private static final String KEY = "0123456789abcdef";
    private final MessageSigner signer = new MessageSigner(KEY);
    private final WireCodec codec = new WireCodec(signer);

    // encode then decode gives back identities, header, parent header, metadata, content and buffers unchanged.
    @Test
    void roundTripKeepsEverything() throws Exception {
        Header parent = Header.create("execute_request", "session-1", "alice");
        Header header = Header.create("execute_reply", "session-1", "alice");
        ObjectNode metadata = Json.MAPPER.createObjectNode().put("started", "now").put("n", 3);
        ObjectNode content = Json.MAPPER.createObjectNode().put("code", "System.out.println(\"h\u00e9 \u20ac\");");
        byte[] id1 = {0, 1, 2, (byte) 0xff};
        byte[] id2 = "router-2".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = {9, 8, 7, 0, (byte) 0x80};
        Message original = new Message(List.of(id1, id2), header, parent, metadata, content, List.of(buffer));

        List<byte[]> frames = codec.encode(original);
        Message decoded = codec.decode(frames);

        assertEquals(2, decoded.identities().size());
        assertArrayEquals(id1, decoded.identities().get(0));
        assertArrayEquals(id2, decoded.identities().get(1));
        assertEquals(header, decoded.header());
        assertEquals(parent, decoded.parentHeader());
        assertEquals(metadata, decoded.metadata());
        assertEquals(content, decoded.content());
        assertEquals(1, decoded.buffers().size());
        assertArrayEquals(buffer, decoded.buffers().get(0));
        assertEquals("execute_reply", decoded.type());
    }

    // The encoded frames follow the wire layout: identities, "<IDS|MSG>", signature of the four JSON frames, the JSON frames, buffers; the JSON is snake_case.
    @Test
    void encodedLayoutFollowsTheWireProtocol() {
        Message message = new Message(List.of("id".getBytes(StandardCharsets.US_ASCII)),
                Header.create("status", "s", "u"), null, null,
                Json.MAPPER.createObjectNode().put("execution_state", "idle"), List.of());

        List<byte[]> frames = codec.encode(message);

        assertEquals(7, frames.size());
        assertEquals("id", text(frames.get(0)));
        assertEquals("<IDS|MSG>", text(frames.get(1)));
        assertEquals(signer.sign(frames.get(3), frames.get(4), frames.get(5), frames.get(6)), text(frames.get(2)));
        assertTrue(text(frames.get(3)).contains("\"msg_type\":\"status\""), text(frames.get(3)));
        assertTrue(text(frames.get(3)).contains("\"msg_id\":"), text(frames.get(3)));
        assertEquals("{}", text(frames.get(4)));
        assertEquals("{}", text(frames.get(5)));
        assertEquals("{\"execution_state\":\"idle\"}", text(frames.get(6)));
    }

    // An empty parent header frame "{}" decodes as "no parent".
    @Test
    void emptyParentDecodesAsNull() throws Exception {
        Message decoded = codec.decode(signedFrames(List.of(), header("kernel_info_request"), "{}", "{}", "{}"));
        assertNull(decoded.parentHeader());
        assertEquals("kernel_info_request", decoded.type());
        assertTrue(decoded.identities().isEmpty());
    }

    // A codec with an empty key accepts unsigned messages from a peer that also has no key.
    @Test
    void unsignedCodecRoundTrips() throws Exception {
        WireCodec unsigned = new WireCodec(new MessageSigner(""));
        Message message = Message.broadcast("status", java.util.Map.of("execution_state", "starting"));
        List<byte[]> frames = unsigned.encode(message);
        assertEquals("", text(frames.get(1)));
        assertEquals("starting", unsigned.decode(frames).content().get("execution_state").asText());
    }

    // A message whose signature does not match its frames is refused.
    @Test
    void wrongSignatureIsRejected() {
        List<byte[]> frames = codec.encode(Message.broadcast("status", java.util.Map.of("execution_state", "idle")));
        List<byte[]> forged = new ArrayList<>(frames);
        forged.set(1, new MessageSigner("another key").sign(frames.get(2), frames.get(3), frames.get(4), frames.get(5))
                .getBytes(StandardCharsets.US_ASCII));
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(forged));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());

        List<byte[]> tampered = new ArrayList<>(frames);
        tampered.set(5, "{\"execution_state\":\"busy\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidMessageException.class, () -> codec.decode(tampered));
    }

    // Frames without the "<IDS|MSG>" delimiter are refused.
    @Test
    void missingDelimiterIsRejected() {
        List<byte[]> frames = new ArrayList<>(signedFrames(List.of(), header("execute_request"), "{}", "{}", "{}"));
        frames.remove(0);
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        assertThrows(InvalidMessageException.class, () -> codec.decode(List.of()));
    }

    // A delimiter followed by fewer than five frames (signature + four JSON frames) is refused.
    @Test
    void tooFewFramesAreRejected() {
        List<byte[]> frames = signedFrames(List.of(), header("execute_request"), "{}", "{}", "{}");
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames.subList(0, 5)));
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames.subList(0, 1)));
    }

    // A correctly signed message whose header is not JSON, not an object, or lacks msg_type is refused.
    @Test
    void malformedHeaderIsRejected() {
        assertThrows(InvalidMessageException.class,
                () -> codec.decode(signedFrames(List.of(), "{\"msg_id\": ", "{}", "{}", "{}")));
        assertThrows(InvalidMessageException.class,
                () -> codec.decode(signedFrames(List.of(), "[1, 2]", "{}", "{}", "{}")));
        assertThrows(InvalidMessageException.class,
                () -> codec.decode(signedFrames(List.of(), "{\"msg_id\":\"x\"}", "{}", "{}", "{}")));
    }

    // A correctly signed message whose content is not JSON is refused.
    @Test
    void malformedContentIsRejected() {
        assertThrows(InvalidMessageException.class,
                () -> codec.decode(signedFrames(List.of(), header("execute_request"), "{}", "{}", "{\"code\": ")));
    }

    // Metadata that is valid JSON but not an object (array, string, null) is refused.
    @Test
    void nonObjectMetadataIsRejected() {
        for (String metadata : List.of("[]", "\"text\"", "null", "42")) {
            InvalidMessageException e = assertThrows(InvalidMessageException.class,
                    () -> codec.decode(signedFrames(List.of(), header("execute_request"), "{}", metadata, "{}")),
                    metadata);
            assertTrue(e.getMessage().contains("metadata"), e.getMessage());
        }
    }

    // A message larger than MAX_MESSAGE_BYTES is refused before its signature or JSON is looked at.
    @Test
    void oversizeMessageIsRejected() {
        List<byte[]> frames = new ArrayList<>(signedFrames(List.of(), header("execute_request"), "{}", "{}", "{}"));
        frames.add(new byte[WireCodec.MAX_MESSAGE_BYTES]);
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    private static String header(String type) {
        return "{\"msg_id\":\"m-1\",\"session\":\"s\",\"username\":\"u\",\"date\":\"2024-01-01T00:00:00Z\","
                + "\"msg_type\":\"" + type + "\",\"version\":\"5.3\"}";
    }

    private List<byte[]> signedFrames(List<byte[]> identities, String header, String parent, String metadata,
                                      String content) {
        byte[][] json = {utf8(header), utf8(parent), utf8(metadata), utf8(content)};
        List<byte[]> frames = new ArrayList<>(identities);
        frames.add("<IDS|MSG>".getBytes(StandardCharsets.US_ASCII));
        frames.add(signer.sign(json).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(List.of(json));
        return frames;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }
}
