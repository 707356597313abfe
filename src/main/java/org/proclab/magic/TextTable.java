package org.proclab.magic;

import java.util.List;
import java.util.Locale;

/** A plain-text table with aligned columns, readable in notebooks, consoles and terminals. */
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
}
