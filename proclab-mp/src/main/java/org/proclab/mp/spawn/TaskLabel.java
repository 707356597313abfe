package org.proclab.mp.spawn;

import java.util.Arrays;
import java.util.List;

/**
 * How a pool names one task in the event log, and how many items a name stands for. A pool's task
 * is a chunk of the items of a {@code map} (or one {@code apply} call), so a worker that "ran 4
 * tasks" may have handled 8 items: the timeline shows the name, the explanation counts the items.
 * Both directions live here so that the name's form and its reading cannot drift apart.
 */
public final class TaskLabel {
    /** The name of a task that is one {@code apply} call. */
    public static final String APPLY = "apply";

    private static final String ONE_ITEM = "item ";
    private static final String ITEMS = "items ";
    private static final String UP_TO = "–";
    private static final int SHOWN_ITEM_CHARS = 24;

    private TaskLabel() {
    }

    /**
     * The name of a chunk that starts at position {@code start}: its item when it has one (an array
     * by its elements, as {@code [3, 4]}), else its positions.
     */
    public static String ofChunk(List<?> chunk, int start) {
        if (chunk.size() == 1) {
            String item = text(chunk.get(0));
            return ONE_ITEM + (item.length() > SHOWN_ITEM_CHARS ? item.substring(0, SHOWN_ITEM_CHARS) + "…" : item);
        }
        return ITEMS + start + UP_TO + (start + chunk.size() - 1);
    }

    /** The item's text; an array, of any element type or depth, by its elements rather than its type and hash. */
    private static String text(Object item) {
        String inBrackets = Arrays.deepToString(new Object[] {item});
        return inBrackets.substring(1, inBrackets.length() - 1);
    }

    /** How many items the task named {@code label} handled: the length of its range, else one. */
    public static int items(String label) {
        if (label != null && label.startsWith(ITEMS)) {
            String[] range = label.substring(ITEMS.length()).split(UP_TO);
            if (range.length == 2) {
                try {
                    return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
