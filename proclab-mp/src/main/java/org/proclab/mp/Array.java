package org.proclab.mp;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.proclab.mp.shm.SharedRegion;

/**
 * A fixed-length array of numbers in memory shared by processes, like Python's
 * {@code multiprocessing.Array('i', 10)}: what a child process writes into it, the parent reads,
 * because both use the very same memory. Several processes can fill parts of one result this way
 * without sending it back.
 *
 * <pre>{@code
 * var squares = Array.ofInt(4);                 // Python: squares = Array('i', 4)
 * var p = new Process(() -> {
 *     for (int i = 0; i < squares.length(); i++) {
 *         squares.set(i, i * i);
 *     }
 * });
 * p.start();
 * p.join();
 * System.out.println(squares);                  // [0, 1, 4, 9]
 * }</pre>
 *
 * <p>Each {@code get(i)} and {@code set(i, v)} reads or writes one element in one step, but
 * {@code a.set(i, a.get(i) + 1)} is two steps, and two processes doing it to the same element at
 * the same time lose updates, exactly as with a {@link Value} (where the race lesson is told in
 * full). The fixes are the same: hold {@link #lock()} around the read and the write, use
 * {@code getAndAdd(i, d)}, or let each element have only one writing process.
 *
 * <p>An Array lives in shared memory and travels to child processes as a handle, never as a copy:
 * a task that captures it uses the parent's Array. Its memory holds its lock (8 bytes) and then
 * the elements.
 */
public abstract sealed class Array implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int LOCK_OFFSET = 0;
    /** Where element 0 is: after the lock, aligned for a long or a double. */
    private static final int ELEMENTS_OFFSET = Lock.SIZE;

    final SharedRegion memory;
    private final Lock lock;
    private final int length;

    private Array(int length, int elementBytes) {
        if (length < 0 || length > (Integer.MAX_VALUE - ELEMENTS_OFFSET) / elementBytes) {
            throw new IllegalArgumentException("an Array's length must be between 0 and "
                    + (Integer.MAX_VALUE - ELEMENTS_OFFSET) / elementBytes + ", not " + length);
        }
        this.memory = SharedRegion.create("array", ELEMENTS_OFFSET + length * elementBytes);
        this.lock = new Lock(memory, LOCK_OFFSET);
        this.length = length;
    }

    /** {@code length} shared {@code int}s, all 0, like Python's {@code Array('i', length)}. */
    public static OfInt ofInt(int length) {
        return new OfInt(length);
    }

    /** {@code length} shared {@code long}s, all 0, like Python's {@code Array('q', length)}. */
    public static OfLong ofLong(int length) {
        return new OfLong(length);
    }

    /** {@code length} shared {@code double}s, all 0.0, like Python's {@code Array('d', length)}. */
    public static OfDouble ofDouble(int length) {
        return new OfDouble(length);
    }

    /** Shared {@code int}s holding a copy of {@code values}, like Python's {@code Array('i', [1, 2, 3])}. */
    public static OfInt of(int... values) {
        OfInt array = new OfInt(values.length);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** Shared {@code long}s holding a copy of {@code values}, like Python's {@code Array('q', [1, 2, 3])}. */
    public static OfLong of(long... values) {
        OfLong array = new OfLong(values.length);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** Shared {@code double}s holding a copy of {@code values}, like Python's {@code Array('d', [0.5, 1.5])}. */
    public static OfDouble of(double... values) {
        OfDouble array = new OfDouble(values.length);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    /** How many elements the Array has; fixed when it is made. */
    public int length() {
        return length;
    }

    /**
     * The Array's own lock, like Python's {@code get_lock()}: hold it around reads and writes that
     * must not be interleaved with another process's, e.g.
     * {@code try (var held = a.lock().hold()) { a.set(0, a.get(0) + a.get(1)); }}. The Array does
     * not take it by itself; only the code that holds it is protected.
     */
    public Lock lock() {
        return lock;
    }

    /** The byte offset of element {@code index} of {@code elementBytes} bytes, after checking the index. */
    final int offsetOf(int index, int elementBytes) {
        return ELEMENTS_OFFSET + Objects.checkIndex(index, length) * elementBytes;
    }

    /** Shared {@code int}s; see {@link Array}. */
    public static final class OfInt extends Array {
        private static final long serialVersionUID = 1L;

        private OfInt(int length) {
            super(length, Integer.BYTES);
        }

        /**
         * Element {@code index} now; a single read that no lock protects.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public int get(int index) {
            return memory.getIntVolatile(offsetOf(index, Integer.BYTES));
        }

        /**
         * Replaces element {@code index}; a single write that no lock protects, so
         * {@code set(i, get(i) + 1)} from two processes can lose updates.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public void set(int index, int value) {
            memory.setIntVolatile(offsetOf(index, Integer.BYTES), value);
        }

        /**
         * Adds {@code delta} to element {@code index} in one atomic step and returns the element
         * before: additions from many processes all count, without the lock.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public int getAndAdd(int index, int delta) {
            return memory.getAndAddInt(offsetOf(index, Integer.BYTES), delta);
        }

        /** A copy of the elements in an ordinary Java array, which no other process changes. */
        public int[] toArray() {
            int[] copy = new int[length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        /** The elements, like {@code [1, 2, 3]}. */
        @Override
        public String toString() {
            return Arrays.toString(toArray());
        }
    }

    /** Shared {@code long}s; see {@link Array}. */
    public static final class OfLong extends Array {
        private static final long serialVersionUID = 1L;

        private OfLong(int length) {
            super(length, Long.BYTES);
        }

        /**
         * Element {@code index} now; a single read that no lock protects.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public long get(int index) {
            return memory.getLongVolatile(offsetOf(index, Long.BYTES));
        }

        /**
         * Replaces element {@code index}; a single write that no lock protects, so
         * {@code set(i, get(i) + 1)} from two processes can lose updates.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public void set(int index, long value) {
            memory.setLongVolatile(offsetOf(index, Long.BYTES), value);
        }

        /**
         * Adds {@code delta} to element {@code index} in one atomic step and returns the element
         * before: additions from many processes all count, without the lock.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public long getAndAdd(int index, long delta) {
            return memory.getAndAddLong(offsetOf(index, Long.BYTES), delta);
        }

        /** A copy of the elements in an ordinary Java array, which no other process changes. */
        public long[] toArray() {
            long[] copy = new long[length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        /** The elements, like {@code [1, 2, 3]}. */
        @Override
        public String toString() {
            return Arrays.toString(toArray());
        }
    }

    /** Shared {@code double}s; see {@link Array}. */
    public static final class OfDouble extends Array {
        private static final long serialVersionUID = 1L;

        private OfDouble(int length) {
            super(length, Double.BYTES);
        }

        /**
         * Element {@code index} now; a single read that no lock protects.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public double get(int index) {
            return Double.longBitsToDouble(memory.getLongVolatile(offsetOf(index, Double.BYTES)));
        }

        /**
         * Replaces element {@code index}; a single write that no lock protects, so
         * {@code set(i, get(i) + 1)} from two processes can lose updates.
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public void set(int index, double value) {
            memory.setLongVolatile(offsetOf(index, Double.BYTES), Double.doubleToRawLongBits(value));
        }

        /**
         * Adds {@code delta} to element {@code index} atomically and returns the element before:
         * additions from many processes all count, without the lock. (Hardware has no atomic add
         * for doubles: this retries a compare-and-set of the bits until no other process wrote in
         * between.)
         *
         * @throws IndexOutOfBoundsException if {@code index} is not between 0 and {@code length() - 1}
         */
        public double getAndAdd(int index, double delta) {
            return SharedDoubles.getAndAdd(memory, offsetOf(index, Double.BYTES), delta);
        }

        /** A copy of the elements in an ordinary Java array, which no other process changes. */
        public double[] toArray() {
            double[] copy = new double[length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = get(i);
            }
            return copy;
        }

        /** The elements, like {@code [0.5, 1.5]}. */
        @Override
        public String toString() {
            return Arrays.toString(toArray());
        }
    }
}
