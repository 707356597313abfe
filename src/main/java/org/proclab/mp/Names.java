package org.proclab.mp;

import java.util.concurrent.atomic.AtomicInteger;

/** Numbers children like Python does: one counter for {@code Process-N} and {@code SpawnPoolWorker-N}. */
final class Names {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Names() {
    }

    static String next(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet();
    }
}
