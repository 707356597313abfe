package org.proclab.mp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few functions a pool worker was given, by id, most recently used last. A worker and the
 * parent's record of it ({@link ShippedFunctions}) each keep one, and both see the same sequence
 * of remembers and uses in the same order (a worker runs its jobs in the order they were sent), so
 * both forget the same function at the same moment and the parent knows, without asking, which
 * functions the worker still has.
 *
 * @param <V> what is kept per id: the function in the worker, nothing more than presence in the parent
 */
final class FunctionMemory<V> {
    /** How many functions are kept; a worker that meets an older one again is simply sent it again. */
    static final int CAPACITY = 16;

    private final Map<Long, V> entries = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
            return size() > CAPACITY;
        }
    };

    void put(long id, V value) {
        entries.put(id, value);
    }

    /** The value under {@code id}, marking it as just used; null when it was never put or was forgotten. */
    V use(long id) {
        return entries.get(id);
    }
}
