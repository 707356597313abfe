package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrays of numbers travel in a plain encoding; everything else still travels as Java serialization. */
class PackedArraysTest {
    private static final ClassLoader LOADER = PackedArraysTest.class.getClassLoader();

    // int[], long[] and double[] come back equal, extreme and empty values included, and small.
    @Test
    void numberArraysRoundTrip() throws Exception {
        int[] ints = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 42};
        long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 7};
        double[] doubles = {Double.NaN, -0.0, Double.MAX_VALUE, 1.5};
        assertArrayEquals(ints, (int[]) roundTrip(ints));
        assertArrayEquals(longs, (long[]) roundTrip(longs));
        assertArrayEquals(doubles, (double[]) roundTrip(doubles));
        assertArrayEquals(new int[0], (int[]) roundTrip(new int[0]));
        assertEquals(5 + 4 * ints.length, Serialization.toBytes(ints, "ints").length);
    }

    // Other values keep Java serialization, whose stream header is never taken for a packed array.
    @Test
    void otherValuesStillUseJavaSerialization() throws Exception {
        byte[] list = Serialization.toBytes(List.of(1, 2), "a list");
        assertFalse(PackedArrays.isPacked(list));
        assertEquals(List.of(1, 2), Serialization.fromBytes(list, LOADER));
        assertTrue(Arrays.equals(new String[] {"a"}, (String[]) roundTrip(new String[] {"a"})));
    }

    // A length that does not match the bytes is an error, not a wrong array.
    @Test
    void corruptLengthIsRefused() {
        byte[] bytes = Serialization.toBytes(new int[] {1, 2, 3}, "ints");
        bytes[4] = 9;
        assertThrows(IOException.class, () -> Serialization.fromBytes(bytes, LOADER));
    }

    private static Object roundTrip(Object value) throws Exception {
        return Serialization.fromBytes(Serialization.toBytes(value, "a value"), LOADER);
    }
}
