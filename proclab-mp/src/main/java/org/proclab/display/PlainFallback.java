package org.proclab.display;

import java.util.regex.Pattern;

/** The {@code text/plain} form of content given in a richer MIME type. */
final class PlainFallback {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table|pre)\\s*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private PlainFallback() {
    }

    static String of(String mimeType, String content) {
        return switch (mimeType) {
            case "text/html" -> htmlText(content);
            case "image/svg+xml" -> "[SVG image]";
            case "image/png" -> "[PNG image]";
            case "image/jpeg" -> "[JPEG image]";
            default -> mimeType.startsWith("text/") ? content : "[" + mimeType + "]";
        };
    }

    /** The text a reader sees in an HTML fragment: tags dropped, line breaks kept, entities decoded. */
    static String htmlText(String html) {
        String text = HIDDEN.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = CELL_END.matcher(text).replaceAll("  ");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
