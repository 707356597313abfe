package org.proclab.engine.exec;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the live threads of all cells under a {@link ThreadLimit}. While any cell thread lives, it
 * counts them every {@link #PERIOD_MILLIS} from the thread groups' own record (no stack traces, no
 * pause of the JVM: microseconds); when the count reaches the limit, it hands the cell group with
 * the most live threads to the kernel, which stops it.
 *
 * <p>Why counting and not a check where a thread starts: a thread can be started by code the kernel
 * does not instrument (an executor, a timer, a library), but whoever starts it, it joins its
 * creator's cell group, so the count sees it. A thread bomb makes about 2,000 threads a second, so a
 * cell may pass the limit by a few dozen threads before the next count; the limit leaves room for
 * that. Without live cell threads the watch sleeps, and its own thread ends after a second.
 */
final class CellThreadWatch {
    static final long PERIOD_MILLIS = 20;

    private final ThreadGroup cells;
    private final int limit;
    private final Consumer<CellThreadGroup> atLimit;
    private final ThreadGroup kernelThreads = Thread.currentThread().getThreadGroup();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(kernelThreads, runnable, "proclab-thread-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean watching = new AtomicBoolean();

    /**
     * Call it on a kernel thread: the watch's own thread joins the caller's group.
     *
     * @param cells   the group above every cell's group
     * @param limit   the most live threads the cells may have
     * @param atLimit called on the watch's thread with the group to stop, at each count at or above the limit
     */
    CellThreadWatch(ThreadGroup cells, int limit, Consumer<CellThreadGroup> atLimit) {
        this.cells = cells;
        this.limit = limit;
        this.atLimit = atLimit;
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** Called after a cell thread started: counting goes on until no cell thread is left. */
    void threadStarted() {
        if (watching.compareAndSet(false, true)) {
            timer.schedule(this::count, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void count() {
        if (cells.activeCount() >= limit) {
            largestGroup().ifPresent(atLimit);
        }
        if (cells.activeCount() > 0) {
            timer.schedule(this::count, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        watching.set(false);
        if (cells.activeCount() > 0) {
            threadStarted();
        }
    }

    private Optional<CellThreadGroup> largestGroup() {
        ThreadGroup[] groups = new ThreadGroup[cells.activeGroupCount() + 16];
        int count = cells.enumerate(groups, false);
        return Arrays.stream(groups, 0, count)
                .filter(CellThreadGroup.class::isInstance)
                .map(CellThreadGroup.class::cast)
                .max(Comparator.comparingInt(ThreadGroup::activeCount));
    }
}
