package org.proclab.display;

import java.util.Objects;

/**
 * An SVG image given as markup: {@code display(Svg.of("<svg xmlns='http://www.w3.org/2000/svg'
 * width='40' height='40'><circle cx='20' cy='20' r='15'/></svg>"))}. Consoles and terminals show
 * {@code [SVG image]}, or the image's {@code <title>} when it has one.
 *
 * <p>The markup goes out twice: as {@code image/svg+xml}, and as {@code text/html} holding the same
 * {@code <svg>} inline. nbconvert's HTML export (and the pages made from it) keeps an SVG's shapes only
 * in the HTML form, and an inline SVG drawn in {@code currentColor} follows a dark theme's text colour.
 *
 * @param markup the {@code <svg>} element
 */
public record Svg(String markup) implements Displayable {
    public Svg {
        Objects.requireNonNull(markup, "markup");
    }

    /** The image {@code markup}. */
    public static Svg of(String markup) {
        return new Svg(markup);
    }

    @Override
    public MimeBundle toMimeBundle() {
        int open = markup.indexOf("<title>");
        int close = markup.indexOf("</title>");
        String plain = open >= 0 && close > open
                ? "[SVG image: " + PlainFallback.htmlText(markup.substring(open + "<title>".length(), close)) + "]"
                : "[SVG image]";
        return MimeBundle.plain(plain).with("text/html", markup).with("image/svg+xml", markup);
    }

    @Override
    public String toString() {
        return markup;
    }
}
