package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pool task's name, and the number of items read back from it. */
class TaskLabelTest {

    // A chunk of several items is named by its positions and stands for as many items as it spans.
    @Test
    void aChunkCountsItsItems() {
        String label = TaskLabel.ofChunk(List.of("a", "b", "c"), 4);
        assertEquals(List.of("items 4–6", 3), List.of(label, TaskLabel.items(label)));
    }

    // A chunk of one item is named by the item, shortened when long; it and an apply call are one item each.
    @Test
    void oneItemAndOneCallCountOne() {
        String label = TaskLabel.ofChunk(List.of("x".repeat(30)), 9);
        assertEquals(List.of("item " + "x".repeat(24) + "…", 1, 1),
                List.of(label, TaskLabel.items(label), TaskLabel.items(TaskLabel.APPLY)));
    }

    // An item that is an array is named by its elements, as a student wrote them, not by its type and hash.
    @Test
    void anArrayItemShowsItsElements() {
        assertEquals(List.of("item [3, 4]", "item [[1], [2, 5]]", "item null"),
                List.of(TaskLabel.ofChunk(List.of(new long[] {3, 4}), 0),
                        TaskLabel.ofChunk(List.of((Object) new int[][] {{1}, {2, 5}}), 0),
                        TaskLabel.ofChunk(Arrays.asList((Object) null), 0)));
    }
}
