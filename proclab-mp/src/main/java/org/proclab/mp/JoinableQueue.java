package org.proclab.mp;

import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.SharedRegion;

/**
 * A {@link Queue} that also counts unfinished work, like Python's
 * {@code multiprocessing.JoinableQueue}: every put item is unfinished until some process calls
 * {@link #taskDone()} for it, and {@link #join()} waits until none is left.
 *
 * <pre>{@code
 * var tasks = new JoinableQueue<Integer>();
 * var worker = new Process(() -> {
 *     while (true) {
 *         int n = tasks.get();
 *         System.out.println(n * n);
 *         tasks.taskDone();        // one per item taken
 *     }
 * }).daemon(true);
 * worker.start();
 * for (int i = 0; i < 10; i++) tasks.put(i);
 * tasks.join();                     // returns once all ten were squared
 * }</pre>
 *
 * <p>The count lives in shared memory next to the queue, so every process that has the queue
 * sees the same count. As in Python, a consumer that ends without calling {@code taskDone()} for
 * an item it took leaves that item unfinished for ever, and {@code join()} waits for it.
 *
 * @param <T> the type of the items
 */
public final class JoinableQueue<T> extends Queue<T> {
    private static final long serialVersionUID = 1L;
    private static final int UNFINISHED = 0;

    private final SharedRegion counter;

    /** A joinable queue without a limit on the number of items. */
    public JoinableQueue() {
        this(0);
    }

    /** A joinable queue that holds at most {@code maxsize} items (0 means no limit). */
    public JoinableQueue(int maxsize) {
        super(maxsize);
        this.counter = SharedRegion.create("joinable", Long.BYTES);
    }

    /**
     * Marks one item taken from the queue as done, like Python's {@code task_done()}.
     *
     * @throws IllegalStateException if it is called more times than items were put (Python's ValueError)
     */
    public void taskDone() {
        while (true) {
            long unfinished = counter.getLongVolatile(UNFINISHED);
            if (unfinished <= 0) {
                throw new IllegalStateException("taskDone() called more times than there were items put on the queue");
            }
            if (counter.compareAndSetLong(UNFINISHED, unfinished, unfinished - 1)) {
                return;
            }
        }
    }

    /** Waits until every item ever put has been marked done with {@link #taskDone()}. */
    public void join() throws InterruptedException {
        Backoff backoff = Backoff.forever();
        while (counter.getLongVolatile(UNFINISHED) > 0) {
            backoff.pause();
        }
    }

    /** Items put and not yet marked done. */
    public long unfinished() {
        return counter.getLongVolatile(UNFINISHED);
    }

    /** Counted before the item becomes visible, so a fast consumer's taskDone() never finds 0. */
    @Override
    void beforePut() {
        counter.getAndAddLong(UNFINISHED, 1);
    }

    @Override
    void putFailed() {
        counter.getAndAddLong(UNFINISHED, -1);
    }

    @Override
    String moreState() {
        return " unfinished=" + unfinished();
    }
}
