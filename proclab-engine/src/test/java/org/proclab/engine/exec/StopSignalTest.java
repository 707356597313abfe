package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StopSignalTest {
    private final ThreadGroup cells = new ThreadGroup("test-cells");
    private final List<Thread> checking = new ArrayList<>();

    @AfterEach
    void clear() throws InterruptedException {
        for (Thread thread : checking) {
            thread.join();
        }
        StopSignal.clear();
    }

    /** Runs the stop check once on a new thread of {@code group}; completes with what it threw, or null. */
    private CompletableFuture<Throwable> checkOnANewThread(ThreadGroup group) {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread thread = new Thread(group, () -> {
            try {
                UserCodeGuard.checkStop();
                thrown.complete(null);
            } catch (Throwable e) {
                thrown.complete(e);
            }
        });
        checking.add(thread);
        thread.start();
        return thrown;
    }

    // A thread that a stopped cell starts after the stop (as a thread bomb does) ends at its first check.
    @Test
    void aThreadStartedInAStoppedCellEndsAtItsFirstCheck() throws Exception {
        CellThreadGroup stopped = new CellThreadGroup(cells, 1, null);
        StopSignal.stop(stopped);

        Throwable thrown = checkOnANewThread(new ThreadGroup(stopped, "made-by-the-cell")).get(30, TimeUnit.SECONDS);

        assertInstanceOf(CellStoppedError.class, thrown);
    }

    // Another cell's threads go on.
    @Test
    void otherCellsAreNotStopped() throws Exception {
        StopSignal.stop(new CellThreadGroup(cells, 1, null));

        assertNull(checkOnANewThread(new CellThreadGroup(cells, 2, null)).get(30, TimeUnit.SECONDS));
    }

    // A stopped cell's threads stay stopped when the next cell starts before they saw the mark (thousands of
    // threads need a while to get the CPU); without live threads left, the fast path comes back.
    @Test
    void aStoppedCellStaysStoppedWhileItHasLiveThreads() throws Exception {
        CellThreadGroup stopped = new CellThreadGroup(cells, 1, null);
        CountDownLatch release = new CountDownLatch(1);
        Thread waiting = new Thread(stopped, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        StopSignal.stop(stopped);

        StopSignal.clear();

        assertTrue(StopSignal.isRaised());
        assertInstanceOf(CellStoppedError.class, checkOnANewThread(stopped).get(30, TimeUnit.SECONDS));
        release.countDown();
        waiting.join();
        for (Thread thread : checking) {
            thread.join();
        }
        StopSignal.clear();
        assertFalse(StopSignal.isRaised());
    }

    // In a notebook whose cells start virtual threads, which no group counts, a stopped cell stays marked
    // while a thread may still reach it (a virtual thread asleep through the stop), and is forgotten once
    // nothing does: the kernel keeps no reference to it, and the fast path comes back.
    @Test
    @SuppressWarnings("removal")
    void aStoppedCellThatNothingReachesIsForgottenWhereCellsStartVirtualThreads() {
        ThreadGroup parent = new ThreadGroup("forgotten-cells");
        CellThreadGroup stopped = new CellThreadGroup(parent, 1, null);
        WeakReference<CellThreadGroup> forgotten = new WeakReference<>(stopped);
        StopSignal.stop(stopped);
        StopSignal.clear(true);
        assertTrue(StopSignal.isRaised(), "a virtual thread of the stopped cell may still hold it");

        stopped = null;
        parent.destroy(); // JDK 17 holds a subgroup until its parent is destroyed; JDK 19 and later, weakly
        for (int i = 0; i < 10 && forgotten.get() != null; i++) {
            System.gc();
        }
        assertNull(forgotten.get(), "the stop signal still refers to the stopped cell");
        StopSignal.clear(true);
        assertFalse(StopSignal.isRaised());
    }
}
