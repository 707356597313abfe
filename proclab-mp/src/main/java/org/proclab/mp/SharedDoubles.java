package org.proclab.mp;

import org.proclab.mp.shm.SharedRegion;

/** Atomic addition to a double in shared memory, which hardware does not offer: a compare-and-set loop on its bits. */
final class SharedDoubles {
    private SharedDoubles() {
    }

    /** Adds {@code delta} to the double at {@code offset} and returns the value before. */
    static double getAndAdd(SharedRegion memory, int offset, double delta) {
        while (true) {
            long bits = memory.getLongVolatile(offset);
            double before = Double.longBitsToDouble(bits);
            if (memory.compareAndSetLong(offset, bits, Double.doubleToRawLongBits(before + delta))) {
                return before;
            }
        }
    }
}
