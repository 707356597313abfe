package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Array} in one process and with a real child JVM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArrayTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    // New arrays are zeros of the asked length; of(...) copies its values; all print like [1, 2, 3].
    @Test
    void madeFromALengthOrFromValues() {
        assertEquals("[0, 0, 0]", Array.ofInt(3).toString());
        assertEquals("[0, 0]", Array.ofLong(2).toString());
        assertEquals("[0.0]", Array.ofDouble(1).toString());
        assertEquals("[]", Array.ofInt(0).toString());
        assertEquals(0, Array.ofDouble(0).length());

        int[] values = {1, 2, 3};
        Array.OfInt ints = Array.of(values);
        values[0] = 100;
        assertEquals(3, ints.length());
        assertEquals("[1, 2, 3]", ints.toString());
        assertEquals("[" + Long.MIN_VALUE + ", 7]", Array.of(Long.MIN_VALUE, 7L).toString());
        assertEquals("[0.5, -1.5]", Array.of(0.5, -1.5).toString());
    }

    // get, set and getAndAdd work per element; toArray is a copy that later writes do not change.
    @Test
    void elementsAreReadWrittenAndAdded() {
        Array.OfInt ints = Array.ofInt(2);
        ints.set(1, 40);
        assertEquals(40, ints.getAndAdd(1, 2));
        assertEquals(0, ints.get(0));
        assertEquals(42, ints.get(1));
        int[] copy = ints.toArray();
        ints.set(0, 9);
        assertArrayEquals(new int[] {0, 42}, copy);

        Array.OfLong longs = Array.of(1L, 2L);
        longs.set(0, Long.MAX_VALUE);
        assertEquals(2, longs.getAndAdd(1, 1L << 40));
        assertArrayEquals(new long[] {Long.MAX_VALUE, 2 + (1L << 40)}, longs.toArray());

        Array.OfDouble doubles = Array.ofDouble(2);
        doubles.set(0, 0.25);
        assertEquals(0.0, doubles.getAndAdd(1, 1.5));
        assertArrayEquals(new double[] {0.25, 1.5}, doubles.toArray());
    }

    // An index outside 0..length-1 is refused with a message naming the index and the length.
    @Test
    void indexOutOfRangeNamesIndexAndLength() {
        Array.OfInt ints = Array.ofInt(3);
        assertEquals("Index 3 out of bounds for length 3",
                assertThrows(IndexOutOfBoundsException.class, () -> ints.set(3, 1)).getMessage());
        assertEquals("Index -1 out of bounds for length 2",
                assertThrows(IndexOutOfBoundsException.class, () -> Array.ofLong(2).get(-1)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Array.ofDouble(0).getAndAdd(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Array.ofInt(-1));
    }

    // An Array's lock is its own and a working Lock.
    @Test
    void eachArrayHasItsOwnLock() throws InterruptedException {
        Array.OfInt first = Array.ofInt(1);
        Array.OfInt second = Array.ofInt(1);
        try (Lock.Held held = first.lock().hold()) {
            assertTrue(first.lock().locked());
            assertFalse(second.lock().locked());
        }
        assertFalse(first.lock().locked());
    }

    // Element writes made by a child process are seen by the parent: the Arrays travel as handles.
    @Test
    void childsElementWritesAreSeenByTheParent() throws InterruptedException {
        Array.OfInt squares = Array.ofInt(5);
        Array.OfLong longs = Array.of(1L, 2L);
        Array.OfDouble halves = Array.of(1.0, 3.0);
        Process child = new Process(() -> {
            for (int i = 0; i < squares.length(); i++) {
                squares.set(i, i * i);
            }
            longs.getAndAdd(1, longs.get(0) << 40);
            halves.set(1, halves.get(1) / 2);
        }).start();
        child.join();
        assertEquals(0, child.exitCode());
        assertEquals("[0, 1, 4, 9, 16]", squares.toString());
        assertArrayEquals(new long[] {1, 2 + (1L << 40)}, longs.toArray());
        assertArrayEquals(new double[] {1.0, 1.5}, halves.toArray());
    }
}
