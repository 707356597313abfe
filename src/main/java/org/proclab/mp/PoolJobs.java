package org.proclab.mp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.spawn.ChildJob;

/** The jobs a {@link Pool} sends to its workers: functions to remember, chunks of items and single calls. */
final class PoolJobs {
    private PoolJobs() {
    }

    /**
     * Gives a worker the function of a map call, serialized on its own, under an id; the chunks of
     * that call then carry only the id. Sent once per worker and call, so a chunk of one item costs
     * a few bytes instead of a serialized lambda. The function is read in {@link #run()}, not with
     * the job, so that even a function whose classes cannot load is remembered (as its failure) and
     * the worker's memory stays in step with the parent's {@link ShippedFunctions}.
     */
    record Remember(long id, byte[] function) implements ChildJob {
        @Override
        public Object run() {
            WorkerFunctions.remember(id, function);
            return null;
        }
    }

    /**
     * Applies the remembered function {@code function} to each item of a chunk; the value is the
     * list of results in order. Items and results travel packed (see {@link CompactList}).
     */
    record MapChunk<T, R>(long function, Serializable items) implements ChildJob {
        MapChunk(long function, List<T> items) {
            this(function, CompactList.pack(items));
        }

        @Override
        public Object run() throws Exception {
            SerializableFunction<T, R> mapped = WorkerFunctions.get(function);
            List<T> list = CompactList.unpack(items);
            List<R> results = new ArrayList<>(list.size());
            for (T item : list) {
                results.add(mapped.apply(item));
            }
            return CompactList.pack(results);
        }
    }

    /** Runs the remembered action {@code action} on each item of a chunk; there is no value. */
    record ForEachChunk<T>(long action, Serializable items) implements ChildJob {
        ForEachChunk(long action, List<T> items) {
            this(action, CompactList.pack(items));
        }

        @Override
        public Object run() throws Exception {
            SerializableConsumer<T> consumer = WorkerFunctions.get(action);
            for (T item : CompactList.<T>unpack(items)) {
                consumer.accept(item);
            }
            return null;
        }
    }

    /** Applies the remembered two-argument function {@code function} to each pair of a chunk. */
    record StarChunk<A, B, R>(long function, List<List<?>> pairs) implements ChildJob {
        /** Copies the pairs: a chunk is given a view of the caller's list, which cannot travel. */
        StarChunk {
            pairs = new ArrayList<>(pairs);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object run() throws Exception {
            SerializableBiFunction<A, B, R> applied = WorkerFunctions.get(function);
            List<R> results = new ArrayList<>(pairs.size());
            for (List<?> pair : pairs) {
                if (pair.size() != 2) {
                    throw new IllegalArgumentException("starmap needs pairs of two arguments, got " + pair);
                }
                results.add(applied.apply((A) pair.get(0), (B) pair.get(1)));
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
