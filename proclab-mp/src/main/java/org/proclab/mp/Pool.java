package org.proclab.mp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.proclab.mp.spawn.ChildJob;
import org.proclab.mp.spawn.ChildName;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.ResourceLimits;
import org.proclab.mp.spawn.TaskLabel;

/**
 * A pool of worker processes (child JVMs) that run functions over items in parallel, like
 * Python's {@code multiprocessing.Pool}.
 *
 * <pre>{@code
 * try (var pool = new Pool(4)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3, 4));   // [1, 4, 9, 16]
 * }
 * }</pre>
 *
 * <p>Items are sent to the workers in chunks; results come back in input order ({@link #map})
 * or as they finish ({@link #imapUnordered}). A task's exception fails the call with the
 * exception's type and the child's stack trace. A worker that dies (killed, {@code System.exit},
 * out of memory) fails only the chunks it was running, with an error naming it and how it ended,
 * and is replaced: the pool stays usable. Python's pool hangs in that case; this one does not.
 *
 * <p>Leaving a try-with-resources block calls {@link #close()}: no new work, the work already
 * submitted finishes, and the workers exit. Python's {@code with Pool(...)} calls
 * {@code terminate()} instead, killing unfinished work; Java's {@code close()} promises to release
 * resources, not to lose results, so ProcLab waits. Call {@link #terminate()} to stop at once.
 */
public class Pool implements AutoCloseable {
    /**
     * An amount of work for one worker: a serialized job, the function it names (null for a job
     * that carries its own code) and where its result goes.
     */
    record Chunk(byte[] job, Shipment function, ClassLoader loader, CompletableFuture<Object> result, String label) {
        static final Chunk STOP = new Chunk(new byte[0], null, null, null, "stop");
    }

    /** The function of one map call: its id, and the job that gives it to a worker that lacks it. */
    record Shipment(long id, byte[] rememberJob) {
    }

    private static final AtomicLong FUNCTION_IDS = new AtomicLong();

    private enum State { RUNNING, CLOSED, TERMINATED }

    private final int size;
    private final int maxTasksPerChild;
    private final MpContext context;
    private final StartMethod startMethod;
    private final byte[] initializerJob;
    private final BlockingDeque<Chunk> queue = new LinkedBlockingDeque<>();
    private final IdleFeeders idleFeeders = new IdleFeeders();
    private final List<PoolWorker> workers = new ArrayList<>();
    /** The thread group that created the pool: interrupting it (in the kernel: the cell) kills the workers. */
    private final ThreadGroup creator = Thread.currentThread().getThreadGroup();
    private volatile State state = State.RUNNING;

    /** As many workers as the kernel may use processors: its CPU limit ({@code CPU_LIMIT}, a cgroup's), else the machine's. */
    public Pool() {
        this(ResourceLimits.ofThisProcess().processors());
    }

    /** A pool of {@code processes} workers, started by the {@linkplain MpContext#defaultContext() default context}. */
    public Pool(int processes) {
        this(processes, null, 0);
    }

    /** A pool of {@code processes} workers started with the given method, e.g. {@link StartMethod#WARM}. */
    public Pool(int processes, StartMethod startMethod) {
        this(processes, null, 0, MpContext.get(startMethod));
    }

    /**
     * A pool whose workers each run {@code initializer} once before their first task, like Python's
     * {@code Pool(processes, initializer)}: {@code new Pool(4, () -> init())}. Workers are not
     * replaced after a number of tasks.
     */
    public Pool(int processes, Task initializer) {
        this(processes, initializer, 0);
    }

    /**
     * A pool whose workers each run {@code initializer} once before their first task, and are
     * replaced by fresh ones after {@code maxTasksPerChild} tasks (0: never).
     */
    public Pool(int processes, Task initializer, int maxTasksPerChild) {
        this(processes, initializer, maxTasksPerChild, MpContext.defaultContext());
    }

    /** The most general pool: size, initializer, tasks per child and start method. */
    public Pool(int processes, Task initializer, int maxTasksPerChild, StartMethod startMethod) {
        this(processes, initializer, maxTasksPerChild, MpContext.get(startMethod));
    }

    /**
     * A pool whose workers {@code context} starts ({@link MpContext#pool}), with the start method it
     * has now, and with its settings at each start (a worker replaced later gets the settings then).
     */
    Pool(int processes, Task initializer, int maxTasksPerChild, MpContext context) {
        if (processes < 1) {
            throw new IllegalArgumentException("a Pool needs at least 1 process, not " + processes);
        }
        if (maxTasksPerChild < 0) {
            throw new IllegalArgumentException("maxTasksPerChild must be 0 (no limit) or more, not " + maxTasksPerChild);
        }
        refuseBeyondTheMemoryLimit(processes, context.settings());
        this.size = processes;
        this.maxTasksPerChild = maxTasksPerChild;
        this.context = context;
        this.startMethod = context.startMethod();
        this.initializerJob = initializer == null ? null
                : Serialized.bytesOf(new PoolJobs.Initializer(initializer), "the pool's initializer");
        for (int i = 0; i < processes; i++) {
            workers.add(new PoolWorker(this, queue, idleFeeders, ChildName.next("SpawnPoolWorker")));
        }
        workers.forEach(PoolWorker::start);
        startMethod.prepare(context, processes);
        try {
            for (PoolWorker worker : workers) {
                worker.started().join();
            }
        } catch (RuntimeException e) {
            terminate();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Fails before any worker starts when the memory limit leaves room for fewer children than the
     * pool needs: starting some and failing at the last would only make the student wait.
     */
    private static void refuseBeyondTheMemoryLimit(int processes, ChildSettings settings) {
        if (processes > settings.maxLiveChildren()) {
            settings.memoryRoom().ifPresent(room -> {
                throw new ProcessStartException("Pool(" + processes + ") needs " + processes + " child JVMs, but "
                        + room + ": use Pool(" + settings.maxLiveChildren() + ") or fewer.", null);
            });
        }
    }

    /** The number of worker processes. */
    public int size() {
        return size;
    }

    /** Applies {@code function} to every item in parallel; the results are in input order. */
    public <T, R> List<R> map(SerializableFunction<T, R> function, Iterable<T> items) throws InterruptedException {
        return mapAsync(function, items).get();
    }

    /** {@link #map(SerializableFunction, Iterable)} with items sent {@code chunksize} at a time. */
    public <T, R> List<R> map(SerializableFunction<T, R> function, Iterable<T> items, int chunksize)
            throws InterruptedException {
        return mapAsync(function, items, chunksize).get();
    }

    /** Like {@link #map(SerializableFunction, Iterable)} without waiting. */
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<T, R> function, Iterable<T> items) {
        List<T> list = toList(items);
        return mapAsync(function, list, defaultChunksize(list.size()));
    }

    /** Like {@link #map(SerializableFunction, Iterable, int)} without waiting. */
    public <T, R> AsyncResult<List<R>> mapAsync(SerializableFunction<T, R> function, Iterable<T> items, int chunksize) {
        List<CompletableFuture<Object>> parts = submitChunks(toList(items), chunksize, function,
                PoolJobs.MapChunk::new);
        return new AsyncResult<>(concatenate(parts));
    }

    /** Runs {@code action} on every item, for functions that return nothing (Python: map over print). */
    public <T> void forEach(SerializableConsumer<T> action, Iterable<T> items) throws InterruptedException {
        List<T> list = toList(items);
        List<CompletableFuture<Object>> parts = submitChunks(list, defaultChunksize(list.size()), action,
                PoolJobs.ForEachChunk::new);
        new AsyncResult<>(CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))).get();
    }

    /** Applies a two-argument function to each pair: {@code starmap((a, b) -> a * b, List.of(List.of(2, 3)))}. */
    public <A, B, R> List<R> starmap(SerializableBiFunction<A, B, R> function, Iterable<? extends List<?>> pairs)
            throws InterruptedException {
        List<List<?>> list = new ArrayList<>();
        pairs.forEach(list::add);
        List<CompletableFuture<Object>> parts = submitChunks(list, defaultChunksize(list.size()), function,
                PoolJobs.StarChunk::new);
        return new AsyncResult<List<R>>(concatenate(parts)).get();
    }

    /** Results in input order, each as soon as it (and those before it) are done; chunks of 1. */
    public <T, R> Iterable<R> imap(SerializableFunction<T, R> function, Iterable<T> items) {
        return imap(function, items, 1);
    }

    /** {@link #imap(SerializableFunction, Iterable)} with a chunk size. */
    public <T, R> Iterable<R> imap(SerializableFunction<T, R> function, Iterable<T> items, int chunksize) {
        List<CompletableFuture<Object>> parts = submitChunks(toList(items), chunksize, function,
                PoolJobs.MapChunk::new);
        return () -> new ChunkIterator<>(new LinkedBlockingQueue<>(parts));
    }

    /** Results in the order they finish; chunks of 1. Like Python's, the results can be walked once. */
    public <T, R> Iterable<R> imapUnordered(SerializableFunction<T, R> function, Iterable<T> items) {
        return imapUnordered(function, items, 1);
    }

    /** {@link #imapUnordered(SerializableFunction, Iterable)} with a chunk size. */
    public <T, R> Iterable<R> imapUnordered(SerializableFunction<T, R> function, Iterable<T> items, int chunksize) {
        List<CompletableFuture<Object>> parts = submitChunks(toList(items), chunksize, function,
                PoolJobs.MapChunk::new);
        BlockingQueue<CompletableFuture<Object>> finished = new LinkedBlockingQueue<>();
        parts.forEach(part -> part.whenComplete((value, failure) -> finished.add(part)));
        AtomicBoolean walked = new AtomicBoolean();
        return () -> {
            if (walked.getAndSet(true)) {
                throw new IllegalStateException("the results of imapUnordered can be walked only once");
            }
            return new ChunkIterator<>(finished, parts.size());
        };
    }

    /** Runs one call in a worker and waits for its value. */
    public <R> R apply(SerializableCallable<R> callable) throws InterruptedException {
        return applyAsync(callable).get();
    }

    /** Runs one call in a worker without waiting. */
    @SuppressWarnings("unchecked")
    public <R> AsyncResult<R> applyAsync(SerializableCallable<R> callable) {
        CompletableFuture<Object> result = submit(new PoolJobs.Call<>(callable), null, callable, TaskLabel.APPLY);
        return new AsyncResult<>(result.thenApply(value -> (R) value));
    }

    /**
     * Accepts no more work; the work already submitted finishes, then the workers exit, and this
     * call returns when they have. Also what leaving a try-with-resources block does.
     */
    @Override
    public void close() {
        if (state == State.RUNNING) {
            state = State.CLOSED;
            workers.forEach(worker -> queue.add(Chunk.STOP));
        }
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once: queued work fails, the workers are killed. */
    public void terminate() {
        state = State.TERMINATED;
        List<Chunk> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        for (Chunk chunk : dropped) {
            if (chunk != Chunk.STOP) {
                chunk.result().completeExceptionally(new IllegalStateException("the pool was terminated"));
            }
        }
        workers.forEach(PoolWorker::kill);
        workers.forEach(worker -> queue.add(Chunk.STOP));
    }

    /** Waits until the workers have exited; call {@link #close()} or {@link #terminate()} first. */
    public void join() throws InterruptedException {
        if (state == State.RUNNING) {
            throw new IllegalStateException("join() needs close() or terminate() first, as in Python");
        }
        for (PoolWorker worker : workers) {
            worker.awaitEnd();
        }
    }

    /** The live workers, for tools that show what runs where. */
    public List<Process> workers() {
        List<Process> live = new ArrayList<>();
        for (PoolWorker worker : workers) {
            if (worker.child() != null) {
                live.add(Process.of(worker.child()));
            }
        }
        return live;
    }

    ThreadGroup creator() {
        return creator;
    }

    MpContext context() {
        return context;
    }

    StartMethod startMethod() {
        return startMethod;
    }

    boolean isTerminated() {
        return state == State.TERMINATED;
    }

    int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    byte[] initializerJob() {
        return initializerJob;
    }

    private <T> List<CompletableFuture<Object>> submitChunks(List<T> items, int chunksize, Object function,
                                                             BiFunction<Long, List<T>, ChildJob> job) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, not " + chunksize);
        }
        checkRunning();
        long id = FUNCTION_IDS.incrementAndGet();
        Shipment shipment = new Shipment(id, Serialized.bytesOf(
                new PoolJobs.Remember(id, Serialized.bytesOf(function, "the function given to the pool")), "a function"));
        List<CompletableFuture<Object>> parts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int start = 0; start < items.size(); start += chunksize) {
            List<T> chunk = items.subList(start, Math.min(items.size(), start + chunksize));
            parts.add(submit(job.apply(id, chunk), shipment, function, TaskLabel.ofChunk(chunk, start)));
            sizes.add(chunk.size());
        }
        return PoolProgress.follow(context.progress(), "Pool(" + size + ")", items.size(), parts, sizes);
    }

    private CompletableFuture<Object> submit(ChildJob job, Shipment shipment, Object function, String label) {
        checkRunning();
        byte[] bytes = Serialized.bytesOf(job, shipment == null ? "the function given to the pool" : "the items given to the pool");
        CompletableFuture<Object> result = new CompletableFuture<>();
        queue.add(new Chunk(bytes, shipment, function.getClass().getClassLoader(), result, label));
        return result;
    }

    private void checkRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("the pool is " + state.name().toLowerCase() + "; it takes no new work");
        }
    }

    private int defaultChunksize(int items) {
        int chunksize = items / (size * 4);
        return items % (size * 4) == 0 ? Math.max(1, chunksize) : chunksize + 1;
    }

    /**
     * The items as a list. A list is used as it is, not copied: its chunks are packed (copied) before
     * the call returns, so later changes to it cannot reach the workers.
     */
    private static <T> List<T> toList(Iterable<T> items) {
        if (items instanceof List<T> list) {
            return list;
        }
        List<T> list = items instanceof Collection<T> collection ? new ArrayList<>(collection.size()) : new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static <R> CompletableFuture<List<R>> concatenate(List<CompletableFuture<Object>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            int size = 0;
            for (CompletableFuture<Object> part : parts) {
                size += CompactList.size(part.join());
            }
            List<R> all = new ArrayList<>(size);
            for (CompletableFuture<Object> part : parts) {
                CompactList.unpackInto(part.join(), all);
            }
            return all;
        });
    }

    /** Walks chunk results one item at a time, waiting for each chunk as it is reached. */
    private static final class ChunkIterator<R> implements Iterator<R> {
        private final BlockingQueue<CompletableFuture<Object>> chunks;
        private int chunksLeft;
        private Iterator<R> current = java.util.Collections.emptyIterator();

        ChunkIterator(BlockingQueue<CompletableFuture<Object>> chunks) {
            this(chunks, chunks.size());
        }

        ChunkIterator(BlockingQueue<CompletableFuture<Object>> chunks, int count) {
            this.chunks = chunks;
            this.chunksLeft = count;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && chunksLeft > 0) {
                current = nextChunk();
            }
            return current.hasNext();
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        @SuppressWarnings("unchecked")
        private Iterator<R> nextChunk() {
            chunksLeft--;
            try {
                return CompactList.<R>unpack(chunks.take().get()).iterator();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for results", e);
            } catch (ExecutionException e) {
                throw Failures.asUnchecked(e.getCause());
            }
        }
    }
}
