package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactListTest {

    // Lists of one boxed type travel as one primitive or String array, and come back equal.
    @Test
    void packsUniformListsIntoArrays() {
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) CompactList.pack(List.of(1, 2, 3)));
        assertArrayEquals(new long[] {4L}, (long[]) CompactList.pack(List.of(4L)));
        assertArrayEquals(new double[] {0.5}, (double[]) CompactList.pack(List.of(0.5)), 0.0);
        assertArrayEquals(new String[] {"a", "b"}, (String[]) CompactList.pack(List.of("a", "b")));
        for (List<?> list : List.of(List.of(1, 2, 3), List.of(4L), List.of(0.5), List.of("a", "b"))) {
            assertEquals(list, CompactList.unpack(CompactList.pack(list)));
        }
    }

    // Mixed types, nulls and empty lists stay lists, and come back equal.
    @Test
    void keepsOtherListsAsLists() {
        List<Object> mixed = Arrays.asList(1, "two", null, 3L);
        assertInstanceOf(List.class, CompactList.pack(mixed));
        assertEquals(mixed, CompactList.unpack(CompactList.pack(mixed)));
        assertEquals(List.of(), CompactList.unpack(CompactList.pack(List.of())));
    }
}
