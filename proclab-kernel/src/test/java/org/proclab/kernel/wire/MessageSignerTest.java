package org.proclab.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MessageSignerTest {
    private static final byte[] HEADER = utf8("{\"msg_id\":\"1\",\"msg_type\":\"execute_request\"}");
    private static final byte[] PARENT = utf8("{}");
    private static final byte[] METADATA = utf8("{}");
    private static final byte[] CONTENT = utf8("{\"code\":\"6*7\",\"note\":\"h\u00e9\"}");

    // The signature is the lowercase hex HMAC-SHA256 of the four frames concatenated, as computed independently by javax.crypto.
    @Test
    void signatureMatchesIndependentHmacSha256() throws Exception {
        String key = "a0b1c2d3-e4f5-key-\u00e9";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(HEADER);
        mac.update(PARENT);
        mac.update(METADATA);
        mac.update(CONTENT);
        String expected = HexFormat.of().formatHex(mac.doFinal());

        String actual = new MessageSigner(key).sign(HEADER, PARENT, METADATA, CONTENT);

        assertEquals(expected, actual);
        assertEquals(64, actual.length());
        assertEquals(actual.toLowerCase(), actual);
    }

    // RFC 4231 test case 2 (key "Jefe"), with the data split across frames, gives the published digest.
    @Test
    void rfc4231VectorAcrossFrames() {
        String signature = new MessageSigner("Jefe").sign(utf8("what do ya "), utf8("want for "), utf8("nothing?"));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    // An empty (or missing) key means unsigned messages: the signature is "" and "" verifies.
    @Test
    void emptyKeyMeansUnsigned() {
        for (MessageSigner signer : new MessageSigner[] {new MessageSigner(""), new MessageSigner(null)}) {
            assertEquals("", signer.sign(HEADER, PARENT, METADATA, CONTENT));
            assertTrue(signer.verify("", HEADER, PARENT, METADATA, CONTENT));
        }
    }

    // verify accepts the right signature and rejects a changed digit, a signature of other frames, one made with another key and an empty one.
    @Test
    void verifyRejectsWrongSignatures() {
        MessageSigner signer = new MessageSigner("secret");
        String good = signer.sign(HEADER, PARENT, METADATA, CONTENT);
        assertTrue(signer.verify(good, HEADER, PARENT, METADATA, CONTENT));

        char last = good.charAt(good.length() - 1);
        String oneDigitOff = good.substring(0, good.length() - 1) + (last == '0' ? '1' : '0');
        assertFalse(signer.verify(oneDigitOff, HEADER, PARENT, METADATA, CONTENT));
        assertFalse(signer.verify(good, HEADER, PARENT, METADATA, utf8("{\"code\":\"System.exit(0)\"}")));
        assertFalse(signer.verify(good, PARENT, HEADER, METADATA, CONTENT));
        assertFalse(signer.verify(new MessageSigner("other").sign(HEADER, PARENT, METADATA, CONTENT),
                HEADER, PARENT, METADATA, CONTENT));
        assertFalse(signer.verify("", HEADER, PARENT, METADATA, CONTENT));
        assertFalse(signer.verify(good.substring(0, 32), HEADER, PARENT, METADATA, CONTENT));
    }

    // One signer may be used by many threads at once (each call clones the Mac) and still gives the same digest.
    @Test
    void signingIsThreadSafe() throws Exception {
        MessageSigner signer = new MessageSigner("shared");
        String expected = signer.sign(HEADER, PARENT, METADATA, CONTENT);
        Thread[] threads = new Thread[8];
        boolean[] allGood = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                boolean ok = true;
                for (int i = 0; i < 2000; i++) {
                    ok &= expected.equals(signer.sign(HEADER, PARENT, METADATA, CONTENT));
                }
                allGood[index] = ok;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (boolean ok : allGood) {
            assertTrue(ok);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
