package org.proclab.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One output in several forms, keyed by MIME type ({@code text/html}, {@code image/png}, ...): the
 * front end picks the richest it can show. A bundle always has {@code text/plain}, the form consoles,
 * terminals and child processes print. Binary forms (images) hold base64 text, as Jupyter expects;
 * JSON forms ({@code application/json}, {@code ...+json}) hold JSON text, which the kernel sends as JSON.
 *
 * <p>Immutable; {@link #with} returns a new bundle. Return one from a renderer when the helpers
 * ({@link Markdown}, {@link Html}, {@link Svg}, {@link Table}) do not fit, e.g.
 * {@code MimeBundle.of("text/latex", "$x^2$")}.
 */
public final class MimeBundle implements Displayable {
    /** The MIME type every bundle has. */
    public static final String TEXT_PLAIN = "text/plain";

    private final Map<String, String> data;

    private MimeBundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(data);
    }

    /** A bundle with text only. */
    public static MimeBundle plain(String text) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(TEXT_PLAIN, Objects.requireNonNull(text, "text"));
        return new MimeBundle(data);
    }

    /**
     * A bundle with {@code content} as {@code mimeType} and a {@code text/plain} form made from it
     * (tags stripped from HTML, Markdown as written, a short label for images).
     */
    public static MimeBundle of(String mimeType, String content) {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
        if (mimeType.equals(TEXT_PLAIN)) {
            return plain(content);
        }
        return plain(PlainFallback.of(mimeType, content)).with(mimeType, content);
    }

    /** A bundle made of {@code data}, which must have {@code text/plain}. */
    public static MimeBundle of(Map<String, String> data) {
        if (!data.containsKey(TEXT_PLAIN)) {
            throw new IllegalArgumentException("a MIME bundle needs a text/plain form, got " + data.keySet());
        }
        return new MimeBundle(new LinkedHashMap<>(data));
    }

    /** This bundle with {@code content} as {@code mimeType} added (or replaced). */
    public MimeBundle with(String mimeType, String content) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.put(Objects.requireNonNull(mimeType, "mimeType"), Objects.requireNonNull(content, "content"));
        return new MimeBundle(copy);
    }

    /** Every form, keyed by MIME type, {@code text/plain} first (unmodifiable). */
    public Map<String, String> data() {
        return data;
    }

    /** The {@code text/plain} form. */
    public String text() {
        return data.get(TEXT_PLAIN);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MimeBundle bundle && bundle.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    /** The plain text, so printing a bundle prints what a terminal would show. */
    @Override
    public String toString() {
        return text();
    }
}
