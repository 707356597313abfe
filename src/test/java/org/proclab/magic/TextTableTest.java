package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables as aligned text and as escaped HTML. */
class TextTableTest {
    private static final List<List<String>> ROWS = List.of(List.of("name", "code"), List.of("Process-1", "0"),
            List.of("<odd & name>", "-9"));

    // Columns are padded to their widest cell, and no line ends in spaces.
    @Test
    void textColumnsAreAligned() {
        assertEquals("name          code\nProcess-1     0\n<odd & name>  -9\n", TextTable.render(ROWS));
    }

    // The first row is the header, and text is escaped.
    @Test
    void htmlHasHeaderAndEscapes() {
        assertEquals("<table>\n<tr><th>name</th><th>code</th></tr>\n<tr><td>Process-1</td><td>0</td></tr>\n"
                + "<tr><td>&lt;odd &amp; name&gt;</td><td>-9</td></tr>\n</table>\n", TextTable.html(ROWS));
    }
}
