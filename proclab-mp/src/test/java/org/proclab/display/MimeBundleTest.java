package org.proclab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bundle has text/plain; the helpers make a readable one from richer forms. */
class MimeBundleTest {
    // HTML's text keeps line breaks and decodes entities; scripts and styles are dropped.
    @Test
    void htmlFallbackIsItsText() {
        MimeBundle bundle = Html.of("<style>p {}</style><h1>Title</h1><p>a &lt; b &amp;&nbsp;c</p>"
                + "<table><tr><td>1</td><td>2</td></tr></table><script>x()</script>").toMimeBundle();
        assertEquals("Title\na < b & c\n1  2", bundle.text());
        assertEquals(List.of("text/plain", "text/html"), List.copyOf(bundle.data().keySet()));
    }

    // Markdown shows as written; SVG and images by a label; other text types as they are.
    @Test
    void otherFallbacks() {
        assertEquals("**b**", Markdown.of("**b**").toMimeBundle().text());
        assertEquals("[SVG image]", Svg.of("<svg xmlns='http://www.w3.org/2000/svg'/>").toMimeBundle().text());
        assertEquals("[SVG image: a < b]",
                Svg.of("<svg><title>a &lt; b</title></svg>").toMimeBundle().text());
        assertEquals(Map.of("text/plain", "[SVG image]", "text/html", "<svg/>", "image/svg+xml", "<svg/>"),
                Svg.of("<svg/>").toMimeBundle().data());
        assertEquals("[PNG image]", MimeBundle.of("image/png", "iVBOR").text());
        assertEquals("[application/vnd.example+json]", MimeBundle.of("application/vnd.example+json", "{}").text());
        assertEquals("a,b", MimeBundle.of("text/csv", "a,b").text());
        assertEquals(Map.of("text/plain", "just text"), MimeBundle.of("text/plain", "just text").data());
    }

    // A bundle without text/plain is refused; with() adds a form without changing the original.
    @Test
    void textIsRequiredAndBundlesAreImmutable() {
        assertThrows(IllegalArgumentException.class, () -> MimeBundle.of(Map.of("text/html", "<b>")));
        MimeBundle plain = MimeBundle.plain("x");
        MimeBundle richer = plain.with("text/html", "<i>x</i>");
        assertEquals(Map.of("text/plain", "x"), plain.data());
        assertEquals(2, richer.data().size());
        assertThrows(UnsupportedOperationException.class, () -> richer.data().put("a", "b"));
    }

    // Html.escape makes text safe between tags and in attributes.
    @Test
    void escapeCoversMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;", Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
    }
}
