package org.proclab.mp.spawn;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A plain encoding of {@code int[]}, {@code long[]} and {@code double[]}, the form in which pool
 * chunks of numbers send their results back: a type byte, the length, the values. Java
 * serialization writes the same array with a stream header and a class descriptor, through code
 * that a fresh worker JVM runs slowly until the JIT has compiled it; this is a loop.
 *
 * <p>The two forms cannot be confused: a Java serialization stream starts with {@code 0xACED}.
 */
final class PackedArrays {
    private static final byte INTS = 1;
    private static final byte LONGS = 2;
    private static final byte DOUBLES = 3;
    private static final int HEADER = 1 + Integer.BYTES;

    private PackedArrays() {
    }

    /** The encoded array, or null when {@code value} is not an array of these three kinds. */
    static byte[] toBytes(Object value) {
        if (value instanceof int[] values) {
            ByteBuffer buffer = header(INTS, values.length, Integer.BYTES);
            buffer.asIntBuffer().put(values);
            return buffer.array();
        }
        if (value instanceof long[] values) {
            ByteBuffer buffer = header(LONGS, values.length, Long.BYTES);
            buffer.asLongBuffer().put(values);
            return buffer.array();
        }
        if (value instanceof double[] values) {
            ByteBuffer buffer = header(DOUBLES, values.length, Double.BYTES);
            buffer.asDoubleBuffer().put(values);
            return buffer.array();
        }
        return null;
    }

    /** Whether {@code bytes} hold an array encoded by {@link #toBytes}. */
    static boolean isPacked(byte[] bytes) {
        return bytes.length >= HEADER && bytes[0] >= INTS && bytes[0] <= DOUBLES;
    }

    /** The array that {@link #toBytes} encoded. */
    static Object fromBytes(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte type = buffer.get();
        int length = buffer.getInt();
        int size = type == INTS ? Integer.BYTES : Long.BYTES;
        if (length < 0 || (long) length * size != bytes.length - HEADER) {
            throw new IOException("corrupt packed array: " + length + " values in " + bytes.length + " bytes");
        }
        if (type == INTS) {
            int[] values = new int[length];
            buffer.asIntBuffer().get(values);
            return values;
        }
        if (type == LONGS) {
            long[] values = new long[length];
            buffer.asLongBuffer().get(values);
            return values;
        }
        double[] values = new double[length];
        buffer.asDoubleBuffer().get(values);
        return values;
    }

    private static ByteBuffer header(byte type, int length, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.addExact(HEADER, Math.multiplyExact(length, size)));
        buffer.put(type).putInt(length);
        return buffer;
    }
}
