package org.proclab.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A table with a header row: an HTML {@code <table>} in notebooks, aligned columns of text elsewhere.
 * A non-empty list of records shows as one by itself (its components are the columns); build one
 * yourself with {@link #of(List)} or {@link #ofRecords(Collection)}.
 *
 * <p>A table of records shows at most {@link #MAX_ROWS} of them; a last line counts the rest.
 */
public final class Table implements Displayable {
    /** The most records (rows below the header) a table of records shows. */
    public static final int MAX_ROWS = 100;

    private final List<List<String>> rows;
    private final int hiddenRows;

    private Table(List<List<String>> rows, int hiddenRows) {
        this.rows = rows;
        this.hiddenRows = hiddenRows;
    }

    /** A table of {@code rows}, the first of which is the header; shorter rows are padded with empty cells. */
    public static Table of(List<List<String>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least a header row");
        }
        return build(rows, 0);
    }

    /** The table of {@code rows}, with a note that {@code hidden} more rows were left out. */
    private static Table build(List<List<String>> rows, int hidden) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> padded = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(columns);
            for (int i = 0; i < columns; i++) {
                cells.add(i < row.size() ? String.valueOf(row.get(i)) : "");
            }
            padded.add(cells);
        }
        return new Table(List.copyOf(padded), hidden);
    }

    /**
     * One row per record, one column per record component, in declaration order; the records must
     * all be of the same class.
     */
    public static Table ofRecords(Collection<? extends Record> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to show");
        }
        Class<?> type = records.iterator().next().getClass();
        RecordComponent[] components = type.getRecordComponents();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (RecordComponent component : components) {
            header.add(component.getName());
        }
        rows.add(header);
        int hidden = 0;
        for (Record record : records) {
            if (record.getClass() != type) {
                throw new IllegalArgumentException("the records are of different classes: " + type.getSimpleName()
                        + " and " + record.getClass().getSimpleName());
            }
            if (rows.size() > MAX_ROWS) {
                hidden++;
                continue;
            }
            List<String> row = new ArrayList<>(components.length);
            for (RecordComponent component : components) {
                row.add(String.valueOf(read(component.getAccessor(), record)));
            }
            rows.add(row);
        }
        return build(rows, hidden);
    }

    /**
     * The rows as text, columns padded to their widest cell, no line ending in spaces; a cell's line
     * breaks become spaces.
     */
    public String text() {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], oneLine(row.get(i)).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + Math.max(1, widths[i]) + "s", oneLine(row.get(i))));
                if (i + 1 < row.size()) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        if (hiddenRows > 0) {
            text.append(moreRows()).append('\n');
        }
        return text.toString();
    }

    /** The rows as an HTML table, the first row as header cells, all text escaped, line breaks kept. */
    public String html() {
        StringBuilder html = new StringBuilder("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            html.append("<tr>");
            for (String value : rows.get(r)) {
                html.append('<').append(cell).append('>').append(Html.escape(value).replace("\r\n", "\n").replace("\n", "<br>")).append("</").append(cell).append('>');
            }
            html.append("</tr>\n");
        }
        if (hiddenRows > 0) {
            html.append("<tr><td colspan=\"").append(rows.get(0).size()).append("\">").append(moreRows())
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.plain(text()).with("text/html", html());
    }

    @Override
    public String toString() {
        return text();
    }

    private String moreRows() {
        return "… " + hiddenRows + " more row" + (hiddenRows == 1 ? "" : "s");
    }

    private static String oneLine(String cell) {
        return cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A component's value; records declared in a cell are not public, hence the accessibility. */
    private static Object read(Method accessor, Record record) {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + record.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(accessor.getName() + "() failed", e.getCause());
        }
    }
}
