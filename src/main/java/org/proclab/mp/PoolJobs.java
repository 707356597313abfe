package org.proclab.mp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.spawn.ChildJob;

/** The jobs a {@link Pool} sends to its workers: chunks of items and single calls. */
final class PoolJobs {
    private PoolJobs() {
    }

    /**
     * Applies a function to each item of a chunk; the value is the list of results in order. Items
     * and results travel packed (see {@link CompactList}).
     */
    record MapChunk<T, R>(SerializableFunction<T, R> function, Serializable items) implements ChildJob {
        MapChunk(SerializableFunction<T, R> function, List<T> items) {
            this(function, CompactList.pack(items));
        }

        @Override
        public Object run() throws Exception {
            List<T> list = CompactList.unpack(items);
            List<R> results = new ArrayList<>(list.size());
            for (T item : list) {
                results.add(function.apply(item));
            }
            return CompactList.pack(results);
        }
    }

    /** Runs an action on each item of a chunk; there is no value. */
    record ForEachChunk<T>(SerializableConsumer<T> action, Serializable items) implements ChildJob {
        ForEachChunk(SerializableConsumer<T> action, List<T> items) {
            this(action, CompactList.pack(items));
        }

        @Override
        public Object run() throws Exception {
            for (T item : CompactList.<T>unpack(items)) {
                action.accept(item);
            }
            return null;
        }
    }

    /** Applies a two-argument function to each pair of a chunk. */
    record StarChunk<A, B, R>(SerializableBiFunction<A, B, R> function, List<List<?>> pairs) implements ChildJob {
        @Override
        @SuppressWarnings("unchecked")
        public Object run() throws Exception {
            List<R> results = new ArrayList<>(pairs.size());
            for (List<?> pair : pairs) {
                if (pair.size() != 2) {
                    throw new IllegalArgumentException("starmap needs pairs of two arguments, got " + pair);
                }
                results.add(function.apply((A) pair.get(0), (B) pair.get(1)));
            }
            return CompactList.pack(results);
        }
    }

    /** One call. */
    record Call<R>(SerializableCallable<R> callable) implements ChildJob {
        @Override
        public Object run() throws Exception {
            return callable.call();
        }
    }

    /** The initializer a worker runs once before its first task. */
    record Initializer(Task task) implements ChildJob {
        @Override
        public Object run() throws Exception {
            task.run();
            return null;
        }
    }
}
