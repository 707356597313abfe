package org.proclab.engine.jshell;

import java.util.List;

/**
 * Puts a {@link ValueShape} on lines of at most a given width, the way IPython's pretty printer does:
 * a sequence that fits on the rest of its line stays on it; one that does not puts each item on a
 * line of its own, lined up one column after its opening bracket, and its items fit or break the same
 * way in turn. A line breaks only between items, never inside one: an item wider than the width by
 * itself makes a line wider than the width.
 */
final class ShapeLayout {
    private final int width;
    private final StringBuilder text = new StringBuilder();

    private ShapeLayout(int width) {
        this.width = width;
    }

    /** {@code shape} laid out in lines of at most {@code width} columns. */
    static String lay(ValueShape shape, int width) {
        ShapeLayout layout = new ShapeLayout(width);
        layout.place(shape, 0);
        return layout.text.toString();
    }

    /** Places {@code shape} at the current column, with {@code after} columns of text to follow it on its line. */
    private void place(ValueShape shape, int after) {
        int room = width - column() - after;
        if (fits(shape, room)) {
            shape.appendFlat(text, Integer.MAX_VALUE);
            return;
        }
        if (shape instanceof ValueShape.Bracketed bracketed) {
            placeBroken(bracketed, after);
        } else if (shape instanceof ValueShape.Row row) {
            placeRow(row.parts(), after);
        } else {
            shape.appendFlat(text, Integer.MAX_VALUE);
        }
    }

    private void placeRow(List<ValueShape> parts, int after) {
        for (int i = 0; i < parts.size(); i++) {
            int rest = after;
            for (ValueShape later : parts.subList(i + 1, parts.size())) {
                rest += flatWidth(later, width);
            }
            place(parts.get(i), rest);
        }
    }

    private void placeBroken(ValueShape.Bracketed bracketed, int after) {
        text.append(bracketed.open());
        String indent = " ".repeat(column());
        List<ValueShape> items = bracketed.items();
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            place(items.get(i), last ? bracketed.close().length() + after : 1);
            if (!last) {
                text.append(",\n").append(indent);
            }
        }
        text.append(bracketed.close());
    }

    private int column() {
        return text.length() - (text.lastIndexOf("\n") + 1);
    }

    private static boolean fits(ValueShape shape, int room) {
        return flatWidth(shape, room) <= room;
    }

    /** The one-line width of {@code shape}, or some width over {@code limit} once it is known to be wider. */
    private static int flatWidth(ValueShape shape, int limit) {
        StringBuilder flat = new StringBuilder();
        shape.appendFlat(flat, limit);
        return flat.length();
    }
}
