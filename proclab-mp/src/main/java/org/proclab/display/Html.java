package org.proclab.display;

import java.util.Objects;

/**
 * An HTML fragment: {@code display(Html.of("<b>done</b>"))}. Consoles and terminals show its text
 * with the tags removed. The HTML is shown as given: escape untrusted text with {@link #escape}.
 *
 * @param html the fragment
 */
public record Html(String html) implements Displayable {
    public Html {
        Objects.requireNonNull(html, "html");
    }

    /** The fragment {@code html}. */
    public static Html of(String html) {
        return new Html(html);
    }

    /** {@code text} with {@code & < > " '} escaped, safe to put between tags or in an attribute. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("text/html", html);
    }

    @Override
    public String toString() {
        return html;
    }
}
