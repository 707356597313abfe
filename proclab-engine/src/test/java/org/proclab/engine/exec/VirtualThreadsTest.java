package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualThreadsTest {
    @AfterEach
    void clear() {
        StopSignal.clear();
    }

    // The calls that start virtual threads are known by owner and name; other calls are not.
    @Test
    void theCallsThatStartVirtualThreadsAreKnown() {
        assertTrue(VirtualThreads.isStartingCall("java/lang/Thread", "ofVirtual"));
        assertTrue(VirtualThreads.isStartingCall("java/lang/Thread", "startVirtualThread"));
        assertTrue(VirtualThreads.isStartingCall("java/util/concurrent/Executors", "newVirtualThreadPerTaskExecutor"));
        assertFalse(VirtualThreads.isStartingCall("java/lang/Thread", "ofPlatform"));
        assertFalse(VirtualThreads.isStartingCall("java/util/concurrent/Executors", "newFixedThreadPool"));
        assertFalse(VirtualThreads.isVirtual(Thread.currentThread()));
    }

    /** Starts {@code work} on a virtual thread that a snippet thread of {@code cell} starts, as cell code does. */
    private static Thread startVirtualThreadOf(CellThreadGroup cell, Runnable work) throws Exception {
        CompletableFuture<Thread> started = new CompletableFuture<>();
        Thread snippet = new Thread(cell, () -> {
            cell.startsVirtualThreadsOfThisCell();
            try {
                started.complete((Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, work));
            } catch (ReflectiveOperationException e) {
                started.completeExceptionally(e);
            }
        });
        snippet.start();
        snippet.join();
        return started.get();
    }

    // A virtual thread started by a cell's snippet thread belongs to that cell, and a stop of the cell
    // ends it at its next check. Needs JDK 21 or later (the project builds for 17).
    @Test
    void aVirtualThreadOfACellIsStoppedWithTheCell() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21 or later");
        CellThreadGroup cell = new CellThreadGroup(new ThreadGroup("cells"), 1, null);
        CountDownLatch stopped = new CountDownLatch(1);
        CompletableFuture<CellThreadGroup> seen = new CompletableFuture<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        startVirtualThreadOf(cell, () -> {
            seen.complete(CellThreadGroup.of(Thread.currentThread()));
            try {
                stopped.await();
                UserCodeGuard.checkStop();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });

        assertSame(cell, seen.get());
        StopSignal.stop(cell);
        stopped.countDown();
        assertTrue(ended.get() instanceof CellStoppedError, String.valueOf(ended.get()));
    }

    // A virtual thread asleep through its cell's stop and the start of the next cell ends when it wakes;
    // once it has ended and nothing else refers to the cell, the kernel forgets the cell and the fast path
    // comes back. Needs JDK 21 or later.
    @Test
    void aVirtualThreadAsleepThroughAStopEndsWhenItWakesAndThenItsCellIsForgotten() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21 or later");
        CellThreadGroup cell = new CellThreadGroup(new ThreadGroup("cells"), 1, null);
        CountDownLatch wake = new CountDownLatch(1);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread virtual = startVirtualThreadOf(cell, () -> {
            try {
                wake.await();
                UserCodeGuard.checkStop();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        StopSignal.stop(cell);
        StopSignal.clear(true);

        wake.countDown();
        assertInstanceOf(CellStoppedError.class, ended.get());
        virtual.join();
        WeakReference<CellThreadGroup> forgotten = new WeakReference<>(cell);
        cell = null;
        virtual = null;
        for (int i = 0; i < 10 && forgotten.get() != null; i++) {
            System.gc();
        }
        assertNull(forgotten.get(), "something still refers to the stopped cell");
        StopSignal.clear(true);
        assertFalse(StopSignal.isRaised());
    }
}
