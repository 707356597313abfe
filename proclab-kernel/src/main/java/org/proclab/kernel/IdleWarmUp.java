package org.proclab.kernel;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.proclab.engine.jshell.CompilerWarmUp;

/**
 * Runs the {@link CompilerWarmUp} one step at a time on the shell worker, only while the kernel
 * has nothing else to do, so that it never makes a student's cell wait for long.
 *
 * <p>Rules: it starts after the first cell has run; a step (starting the scratch shell, one import
 * or one snippet) runs only when no shell request is queued or running and none has arrived for
 * {@link #QUIET_MILLIS}; a request that arrives meanwhile waits for at most one step (a few
 * milliseconds). It pauses while other processes
 * keep at least half of the machine's CPUs busy, so many kernels starting at once on a classroom
 * server do not slow each other down further. It pauses too while the notebook's objects crowd the heap.
 */
final class IdleWarmUp {
    /** How long the shell must have been quiet before a snippet is compiled. */
    static final long QUIET_MILLIS = 300;
    private static final long PAUSE_WHEN_BUSY_MILLIS = 1000;
    private static final double BUSY_SHARE_OF_OTHERS = 0.5;
    private static final long BETWEEN_SNIPPETS_MILLIS = 2;
    private static final long LOAD_SAMPLE_MILLIS = 500;
    private static final System.Logger LOG = System.getLogger(IdleWarmUp.class.getName());

    private final Executor shellWorker;
    private final ScheduledExecutorService timer;
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile long lastRequestNanos = System.nanoTime();
    private volatile CompilerWarmUp warmUp;
    private long startedNanos;
    private long lastLoadSampleNanos = System.nanoTime();
    private boolean busyAtLastSample;

    IdleWarmUp(Executor shellWorker, ScheduledExecutorService timer) {
        this.shellWorker = shellWorker;
        this.timer = timer;
    }

    /** Called when a shell request is queued for the shell worker. */
    void requestQueued() {
        requestsInFlight.incrementAndGet();
        lastRequestNanos = System.nanoTime();
    }

    /** Called when the shell worker has finished a request. */
    void requestDone() {
        lastRequestNanos = System.nanoTime();
        requestsInFlight.decrementAndGet();
    }

    /** Starts warming up after the first cell; later calls do nothing. */
    void startOnce(Supplier<CompilerWarmUp> create) {
        if (started.compareAndSet(false, true)) {
            warmUp = create.get();
            startedNanos = System.nanoTime();
            schedule(QUIET_MILLIS);
        }
    }

    private void schedule(long delayMillis) {
        try {
            timer.schedule(this::offerStep, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            warmUp = null;
        }
    }

    private void offerStep() {
        long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRequestNanos);
        if (requestsInFlight.get() > 0 || quietFor < QUIET_MILLIS) {
            schedule(Math.max(QUIET_MILLIS - quietFor, 10));
        } else if (machineIsBusy() || heapIsCrowded()) {
            schedule(PAUSE_WHEN_BUSY_MILLIS);
        } else {
            try {
                shellWorker.execute(this::step);
            } catch (RejectedExecutionException shuttingDown) {
                warmUp = null;
            }
        }
    }

    /** Runs on the shell worker. */
    private void step() {
        CompilerWarmUp current = warmUp;
        if (current == null) {
            return;
        }
        if (requestsInFlight.get() > 0) {
            schedule(QUIET_MILLIS);
            return;
        }
        boolean more;
        try {
            more = current.runNext();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "compiler warm-up stopped", e);
            current.close();
            more = false;
        }
        if (more) {
            schedule(BETWEEN_SNIPPETS_MILLIS);
        } else {
            warmUp = null;
            LOG.log(System.Logger.Level.INFO, () -> "compiler warm-up done: " + current.compiled()
                    + " snippets compiled while idle, " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos)
                    + " s after the first cell");
        }
    }

    /**
     * Whether the notebook's objects fill so much of the heap that the {@link HeapGuard} may soon look:
     * a warm-up step then waits. Compiling in the scratch shell allocates tens of megabytes, and after
     * a cell that filled the heap (its variables still hold the memory) that could run the kernel's
     * own threads out of memory.
     */
    private static boolean heapIsCrowded() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory() > runtime.maxMemory() * HeapGuard.LOOK_AT_SHARE / 2;
    }

    /**
     * Whether other processes used at least half of the CPUs lately. The loads are sampled at most
     * every {@link #LOAD_SAMPLE_MILLIS}: they come from the system's tick counters (10 ms), so two
     * samples a few milliseconds apart are mostly rounding and said "busy" at random, which paused
     * the warm-up for a second at a time.
     */
    private boolean machineIsBusy() {
        long now = System.nanoTime();
        if (now - lastLoadSampleNanos < TimeUnit.MILLISECONDS.toNanos(LOAD_SAMPLE_MILLIS)) {
            return busyAtLastSample;
        }
        lastLoadSampleNanos = now;
        double others = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getCpuLoad() - os.getProcessCpuLoad() : 0;
        boolean busy = others >= BUSY_SHARE_OF_OTHERS;
        if (busy != busyAtLastSample) {
            LOG.log(System.Logger.Level.INFO, () -> busy
                    ? String.format("compiler warm-up paused: other processes keep %.0f %% of the CPUs busy", others * 100)
                    : "compiler warm-up resumed");
        }
        busyAtLastSample = busy;
        return busy;
    }
}
