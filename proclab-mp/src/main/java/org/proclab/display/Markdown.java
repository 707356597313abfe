package org.proclab.display;

import java.util.Objects;

/**
 * Markdown text, rendered by the notebook: {@code display(Markdown.of("**bold** and `code`"))}, or as
 * a cell's last expression. Consoles and terminals show the Markdown as written.
 *
 * @param source the Markdown text
 */
public record Markdown(String source) implements Displayable {
    public Markdown {
        Objects.requireNonNull(source, "source");
    }

    /** The Markdown {@code source}. */
    public static Markdown of(String source) {
        return new Markdown(source);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("text/markdown", source);
    }

    @Override
    public String toString() {
        return source;
    }
}
