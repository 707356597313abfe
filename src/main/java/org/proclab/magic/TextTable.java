package org.proclab.magic;

import java.util.List;
import java.util.Locale;

/** A table as plain text with aligned columns (consoles, terminals) or as HTML (notebooks). */
final class TextTable {
    private TextTable() {
    }

    /** The rows (the first is the header), columns padded to their widest cell. */
    static String render(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
                if (i + 1 < row.size()) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The rows (the first is the header) as an HTML table, its text escaped. */
    static String html(List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            html.append("<tr>");
            for (String value : rows.get(r)) {
                html.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
