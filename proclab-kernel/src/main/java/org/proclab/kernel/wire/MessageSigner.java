package org.proclab.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks Jupyter messages with HMAC-SHA256 over the four JSON frames (header, parent
 * header, metadata, content), as the wire protocol specifies. An empty key disables signing, which
 * Jupyter allows for trusted local set-ups.
 *
 * <p>Thread-safe: every call works on its own clone of the prototype {@link Mac}.
 */
public final class MessageSigner {
    /** The only scheme ProcLab accepts in a connection file. */
    public static final String SCHEME = "hmac-sha256";

    private final Mac prototype;

    public MessageSigner(String key) {
        if (key == null || key.isEmpty()) {
            prototype = null;
            return;
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The hex signature of the frames, or "" when signing is disabled. */
    public String sign(byte[]... frames) {
        if (prototype == null) {
            return "";
        }
        Mac mac = newMac();
        for (byte[] frame : frames) {
            mac.update(frame);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /**
     * True when the signature matches, compared in constant time. Without a key nothing is checked,
     * as in jupyter_client.
     */
    public boolean verify(String signature, byte[]... frames) {
        if (prototype == null) {
            return true;
        }
        byte[] expected = sign(frames).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
