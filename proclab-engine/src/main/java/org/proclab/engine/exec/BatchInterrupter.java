package org.proclab.engine.exec;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts a stopped cell's threads a batch at a time, on a thread of its own, and lets each batch
 * end before it wakes the next (decision 030).
 *
 * <p>Why in batches: every interrupted thread wakes up and needs the CPU to end, and thousands woken
 * at once are thousands of runnable threads beside the few that answer the cell (the shell's, the
 * sockets'). Measured with 3,000 sleeping threads on 2 busy cores, the cell's answer then came after
 * 0.2 s when it won that race and after 1–3 s when it lost it, most often on a fresh kernel, whose
 * threads still run the JDK's exit path in the interpreter. With {@link #BATCH} threads woken at a
 * time the kernel's own threads wait behind a few dozen, not thousands, and the whole group still
 * ends within a second or two.
 *
 * <p>A thread that does not end when interrupted (stuck in native code, or ignoring the interrupt
 * where no stop check runs) holds its batch back at most {@link #BATCH_WAIT_MILLIS}.
 */
final class BatchInterrupter {
    /** How many threads are woken at a time. */
    static final int BATCH = 32;
    /** The longest the interrupter waits for a batch to end before it wakes the next. */
    static final long BATCH_WAIT_MILLIS = 100;

    private BatchInterrupter() {
    }

    /** Starts a daemon thread, in the caller's thread group, that interrupts the group's live threads. */
    static void start(CellThreadGroup group) {
        Thread interrupter = new Thread(() -> interrupt(group.liveThreads()),
                "proclab-stop-cell-" + group.executionCount());
        interrupter.setDaemon(true);
        interrupter.start();
    }

    /** Interrupts {@code threads} a batch at a time, on the calling thread; returns when the last batch was woken. */
    static void interrupt(List<Thread> threads) {
        for (int start = 0; start < threads.size(); start += BATCH) {
            List<Thread> batch = threads.subList(start, Math.min(threads.size(), start + BATCH));
            batch.forEach(Thread::interrupt);
            if (!awaitEnd(batch)) {
                return;
            }
        }
    }

    /** Waits up to {@link #BATCH_WAIT_MILLIS} for the batch to end; false if this thread was interrupted. */
    private static boolean awaitEnd(List<Thread> batch) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BATCH_WAIT_MILLIS);
        try {
            for (Thread thread : batch) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
