package org.proclab.mp;

import java.io.Serializable;
import org.proclab.mp.shm.SharedRegion;

/**
 * One number in memory shared by processes, like Python's {@code multiprocessing.Value('i', 0)}:
 * a child process that changes it changes the parent's, because both use the very same memory.
 *
 * <pre>{@code
 * var counter = Value.ofInt(0);                 // Python: counter = Value('i', 0)
 * var p = new Process(() -> {
 *     for (int i = 0; i < 1000; i++) {
 *         try (var held = counter.lock().hold()) {   // Python: with counter.get_lock():
 *             counter.set(counter.get() + 1);        //             counter.value += 1
 *         }
 *     }
 * });
 * p.start();
 * p.join();
 * System.out.println(counter);                  // Value(int, 1000)
 * }</pre>
 *
 * <p><b>The race lesson.</b> {@link OfInt#get() get()} and {@link OfInt#set(int) set(v)} each read
 * or write the number in one step, but {@code v.set(v.get() + 1)} is two steps: read, then write.
 * When two processes do it at the same time, both may read 41 and both write 42, and one increment
 * is lost, exactly as with Python's {@code v.value += 1}. Two processes that each add 1 a hundred
 * thousand times usually end far below 200,000. There are three fixes:
 * <ol>
 *   <li>hold the Value's own lock around the read and the write:
 *       {@code try (var held = v.lock().hold()) { v.set(v.get() + 1); }} (Python's
 *       {@code with v.get_lock():}), which works for any change, however many steps it takes;</li>
 *   <li>use {@code getAndAdd(1)}, which reads and writes in one atomic step, for additions;</li>
 *   <li>let only one process write the Value while the others only read it.</li>
 * </ol>
 *
 * <p>Each {@code get()} sees the latest {@code set()} of any process (the accesses are volatile), so
 * a process may wait for a Value another one sets: {@code while (ready.get() == 0) { }}.
 *
 * <p>A Value lives in shared memory and travels to child processes as a handle, never as a copy:
 * a task that captures it uses the parent's Value. Its memory holds its lock (8 bytes) and then
 * the number (8 bytes).
 */
public abstract sealed class Value implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int LOCK_OFFSET = 0;
    /** Where the number is: after the lock, aligned for a long or a double. */
    static final int NUMBER_OFFSET = Lock.SIZE;
    private static final int SIZE = NUMBER_OFFSET + Long.BYTES;

    final SharedRegion memory;
    private final Lock lock;

    private Value() {
        memory = SharedRegion.create("value", SIZE);
        lock = new Lock(memory, LOCK_OFFSET);
    }

    /** A shared {@code int}, like Python's {@code Value('i', initial)}. */
    public static OfInt ofInt(int initial) {
        OfInt value = new OfInt();
        value.set(initial);
        return value;
    }

    /** A shared {@code long}, like Python's {@code Value('q', initial)}. */
    public static OfLong ofLong(long initial) {
        OfLong value = new OfLong();
        value.set(initial);
        return value;
    }

    /** A shared {@code double}, like Python's {@code Value('d', initial)}. */
    public static OfDouble ofDouble(double initial) {
        OfDouble value = new OfDouble();
        value.set(initial);
        return value;
    }

    /**
     * The Value's own lock, like Python's {@code get_lock()}: hold it around a read and a write that
     * must not be interleaved with another process's, e.g.
     * {@code try (var held = v.lock().hold()) { v.set(v.get() * 2); }}. The Value does not take it
     * by itself; only the code that holds it is protected.
     */
    public Lock lock() {
        return lock;
    }

    /** A shared {@code int}; see {@link Value} for the race lesson. */
    public static final class OfInt extends Value {
        private static final long serialVersionUID = 1L;

        private OfInt() {
        }

        /** The number now; a single read that no lock protects (see {@link Value}). */
        public int get() {
            return memory.getIntVolatile(NUMBER_OFFSET);
        }

        /** Replaces the number; a single write that no lock protects, so {@code set(get() + 1)} can lose updates. */
        public void set(int value) {
            memory.setIntVolatile(NUMBER_OFFSET, value);
        }

        /**
         * Adds {@code delta} in one atomic step and returns the number before: increments from many
         * processes all count, without the lock.
         */
        public int getAndAdd(int delta) {
            return memory.getAndAddInt(NUMBER_OFFSET, delta);
        }

        /** {@code Value(int, 5)}. */
        @Override
        public String toString() {
            return "Value(int, " + get() + ")";
        }
    }

    /** A shared {@code long}; see {@link Value} for the race lesson. */
    public static final class OfLong extends Value {
        private static final long serialVersionUID = 1L;

        private OfLong() {
        }

        /** The number now; a single read that no lock protects (see {@link Value}). */
        public long get() {
            return memory.getLongVolatile(NUMBER_OFFSET);
        }

        /** Replaces the number; a single write that no lock protects, so {@code set(get() + 1)} can lose updates. */
        public void set(long value) {
            memory.setLongVolatile(NUMBER_OFFSET, value);
        }

        /**
         * Adds {@code delta} in one atomic step and returns the number before: increments from many
         * processes all count, without the lock.
         */
        public long getAndAdd(long delta) {
            return memory.getAndAddLong(NUMBER_OFFSET, delta);
        }

        /** {@code Value(long, 5)}. */
        @Override
        public String toString() {
            return "Value(long, " + get() + ")";
        }
    }

    /** A shared {@code double}; see {@link Value} for the race lesson. */
    public static final class OfDouble extends Value {
        private static final long serialVersionUID = 1L;

        private OfDouble() {
        }

        /** The number now; a single read that no lock protects (see {@link Value}). */
        public double get() {
            return Double.longBitsToDouble(memory.getLongVolatile(NUMBER_OFFSET));
        }

        /** Replaces the number; a single write that no lock protects, so {@code set(get() + 1)} can lose updates. */
        public void set(double value) {
            memory.setLongVolatile(NUMBER_OFFSET, Double.doubleToRawLongBits(value));
        }

        /**
         * Adds {@code delta} atomically and returns the number before: additions from many processes
         * all count, without the lock. (There is no atomic add for doubles in hardware: this retries
         * a compare-and-set of the bits until no other process wrote in between.)
         */
        public double getAndAdd(double delta) {
            return SharedDoubles.getAndAdd(memory, NUMBER_OFFSET, delta);
        }

        /** {@code Value(double, 2.5)}. */
        @Override
        public String toString() {
            return "Value(double, " + get() + ")";
        }
    }
}
