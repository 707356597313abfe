package org.proclab.mp;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.spawn.ChildJob;

/**
 * The jobs a {@link Pool} sends to its workers: functions to remember, chunks of items and single calls.
 *
 * <p>The jobs every map sends ({@link Remember}, {@link MapChunk}, {@link ForEachChunk}) are
 * {@link Externalizable} classes rather than records: a fresh worker JVM reads its first record
 * 25–35 ms slower than an {@code Externalizable} (a record is rebuilt through method handles that
 * are generated on first use), and every pool of new workers paid that on its first map.
 */
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
    static final class Remember implements ChildJob, Externalizable {
        /** Declared so that serialization does not hash the class (see ProcessJob). */
        private static final long serialVersionUID = 1L;

        private long id;
        private byte[] function;

        /** For deserialization. */
        public Remember() {
        }

        Remember(long id, byte[] function) {
            this.id = id;
            this.function = function;
        }

        @Override
        public Object run() {
            WorkerFunctions.remember(id, function);
            return null;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeLong(id);
            out.writeInt(function.length);
            out.write(function);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            id = in.readLong();
            function = new byte[in.readInt()];
            in.readFully(function);
        }
    }

    /**
     * Applies the remembered function {@code function} to each item of a chunk; the value is the
     * list of results in order. Items and results travel packed (see {@link CompactList}).
     */
    static final class MapChunk<T, R> extends ItemsChunk {
        /** Declared so that serialization does not hash the class (see ProcessJob). */
        private static final long serialVersionUID = 1L;

        /** For deserialization. */
        public MapChunk() {
        }

        MapChunk(long function, List<T> items) {
            super(function, items);
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
    static final class ForEachChunk<T> extends ItemsChunk {
        /** Declared so that serialization does not hash the class (see ProcessJob). */
        private static final long serialVersionUID = 1L;

        /** For deserialization. */
        public ForEachChunk() {
        }

        ForEachChunk(long action, List<T> items) {
            super(action, items);
        }

        @Override
        public Object run() throws Exception {
            SerializableConsumer<T> consumer = WorkerFunctions.get(function);
            for (T item : CompactList.<T>unpack(items)) {
                consumer.accept(item);
            }
            return null;
        }
    }

    /** A chunk of packed items for the remembered function {@code function}. */
    abstract static class ItemsChunk implements ChildJob, Externalizable {
        /** Declared so that serialization does not hash the class (see ProcessJob). */
        private static final long serialVersionUID = 1L;

        long function;
        Object items;

        ItemsChunk() {
        }

        ItemsChunk(long function, List<?> items) {
            this.function = function;
            this.items = CompactList.pack(items);
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeLong(function);
            out.writeObject(items);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
            function = in.readLong();
            items = in.readObject();
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
