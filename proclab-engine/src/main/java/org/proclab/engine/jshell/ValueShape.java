package org.proclab.engine.jshell;

import java.util.List;

/**
 * A value's text as pieces that a layout may put on several lines: a {@link Word} never breaks, a
 * {@link Row} is pieces side by side (a map's {@code key=value}), and a {@link Bracketed} sequence
 * ({@code [1, 2, 3]}) may put each of its items on a line of its own. On one line a shape reads
 * exactly as the value's {@code toString()} (or JShell's form of an array) does.
 */
sealed interface ValueShape {

    /** The one-line text, or as much of it as makes it longer than {@code limit}. */
    void appendFlat(StringBuilder text, int limit);

    /** The one-line text. */
    default String flat() {
        StringBuilder text = new StringBuilder();
        appendFlat(text, Integer.MAX_VALUE);
        return text.toString();
    }

    /** Text that stays whole: a number, a string, anything whose class prints itself. */
    record Word(String text) implements ValueShape {
        @Override
        public void appendFlat(StringBuilder out, int limit) {
            out.append(text);
        }
    }

    /** Pieces side by side with nothing between them, such as a map entry's key, {@code =} and value. */
    record Row(List<ValueShape> parts) implements ValueShape {
        @Override
        public void appendFlat(StringBuilder out, int limit) {
            for (int i = 0; i < parts.size() && out.length() <= limit; i++) {
                parts.get(i).appendFlat(out, limit);
            }
        }
    }

    /**
     * Items between {@code open} and {@code close}, {@code ", "} between them on one line; broken,
     * each item goes on a line of its own, lined up under the first.
     */
    record Bracketed(String open, List<ValueShape> items, String close) implements ValueShape {
        @Override
        public void appendFlat(StringBuilder out, int limit) {
            out.append(open);
            for (int i = 0; i < items.size() && out.length() <= limit; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                items.get(i).appendFlat(out, limit);
            }
            out.append(close);
        }
    }
}
