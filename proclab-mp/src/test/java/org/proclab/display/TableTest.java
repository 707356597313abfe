package org.proclab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tables as aligned text and as escaped HTML, from rows or from records. */
class TableTest {
    private static final List<List<String>> ROWS = List.of(List.of("name", "code"), List.of("Process-1", "0"),
            List.of("<odd & name>", "-9"));

    record Point(int x, String label) {
    }

    // Columns are padded to their widest cell, and no line ends in spaces.
    @Test
    void textColumnsAreAligned() {
        assertEquals("name          code\nProcess-1     0\n<odd & name>  -9\n", Table.of(ROWS).text());
    }

    // The first row is the header, and text is escaped.
    @Test
    void htmlHasHeaderAndEscapes() {
        assertEquals("<table>\n<tr><th>name</th><th>code</th></tr>\n<tr><td>Process-1</td><td>0</td></tr>\n"
                + "<tr><td>&lt;odd &amp; name&gt;</td><td>-9</td></tr>\n</table>\n", Table.of(ROWS).html());
    }

    // Records give one column per component, in declaration order; quotes are escaped too; a cell's
    // line breaks become spaces in text and <br> in HTML.
    @Test
    void recordsBecomeRows() {
        Table table = Table.ofRecords(List.of(new Point(1, "a\"b'"), new Point(22, "two\nlines")));
        assertEquals("x   label\n1   a\"b'\n22  two lines\n", table.text());
        assertEquals("<table>\n<tr><th>x</th><th>label</th></tr>\n<tr><td>1</td><td>a&quot;b&#39;</td></tr>\n"
                + "<tr><td>22</td><td>two<br>lines</td></tr>\n</table>\n", table.html());
        assertEquals(table.text(), table.toMimeBundle().text());
        assertEquals(table.html(), table.toMimeBundle().data().get("text/html"));
    }

    // A long list of records shows the first MAX_ROWS and counts the rest.
    @Test
    void longListsAreCut() {
        List<Point> points = new ArrayList<>();
        IntStream.range(0, Table.MAX_ROWS + 5).forEach(i -> points.add(new Point(i, "p" + i)));
        Table table = Table.ofRecords(points);
        assertEquals(Table.MAX_ROWS + 2, table.text().lines().count(), "header, rows and the count");
        assertTrue(table.text().endsWith("… 5 more rows\n"), table.text());
        assertTrue(table.html().contains("<td colspan=\"2\">… 5 more rows</td>"), table.html());
    }

    // Short rows are padded; an empty table or a mix of record classes is refused.
    @Test
    void shapesAndMistakes() {
        assertEquals("a  b\n1\n", Table.of(List.of(List.of("a", "b"), List.of("1"))).text());
        assertThrows(IllegalArgumentException.class, () -> Table.of(List.of()));
        record Other(int x) {
        }
        List<Record> mixed = List.of(new Point(1, "a"), new Other(2));
        assertThrows(IllegalArgumentException.class, () -> Table.ofRecords(mixed));
    }
}
