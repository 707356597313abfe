package org.proclab.mp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Follows the chunks of one map and tells its pool's {@link ProgressReporter}: as chunks finish,
 * at most every {@link #UPDATE_NANOS}, and once when all are done. Chunks finish on the reader
 * threads of several workers, so the calls are serialized: an update can never land after the
 * finish and leave the bar short of 100%.
 */
final class PoolProgress {
    private static final long UPDATE_NANOS = 100_000_000L;

    private final ProgressReporter.Bar bar;
    private final int total;
    private final long started = System.nanoTime();
    /** The fields below change only in {@link #chunkDone}, which holds this object's lock. */
    private int done;
    private int chunksLeft;
    private long lastUpdate = started;

    private PoolProgress(ProgressReporter.Bar bar, int total, int chunks) {
        this.bar = bar;
        this.total = total;
        this.chunksLeft = chunks;
    }

    /**
     * Starts reporting to {@code reporter} a map of {@code total} items sent as {@code parts} of
     * {@code sizes} items, if it wants it.
     *
     * @return the parts to wait on: each completes like its part, after the bar has counted it, so
     *         the map's result is ready only once its bar is drawn to the end
     */
    static List<CompletableFuture<Object>> follow(ProgressReporter reporter, String what, int total,
                                                  List<CompletableFuture<Object>> parts, List<Integer> sizes) {
        if (total < ProgressReporter.MINIMUM_ITEMS || parts.size() < 2) {
            return parts;
        }
        ProgressReporter.Bar bar = reporter.start(what, total);
        if (bar == null) {
            return parts;
        }
        PoolProgress progress = new PoolProgress(bar, total, parts.size());
        List<CompletableFuture<Object>> counted = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            int size = sizes.get(i);
            counted.add(parts.get(i).whenComplete((value, failure) -> progress.chunkDone(failure == null ? size : 0)));
        }
        return counted;
    }

    private synchronized void chunkDone(int items) {
        done += items;
        chunksLeft--;
        if (chunksLeft == 0) {
            bar.finish(done, Duration.ofNanos(System.nanoTime() - started));
        } else if (System.nanoTime() - lastUpdate >= UPDATE_NANOS && done < total) {
            lastUpdate = System.nanoTime();
            bar.update(done);
        }
    }
}
