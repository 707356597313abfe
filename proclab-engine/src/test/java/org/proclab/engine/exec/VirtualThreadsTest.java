package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    // A virtual thread started by a cell's snippet thread belongs to that cell, and a stop of the cell
    // ends it at its next check. Needs JDK 21 or later (the project builds for 17).
    @Test
    void aVirtualThreadOfACellIsStoppedWithTheCell() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21 or later");
        CellThreadGroup cell = new CellThreadGroup(new ThreadGroup("cells"), 1, null);
        CountDownLatch stopped = new CountDownLatch(1);
        CompletableFuture<CellThreadGroup> seen = new CompletableFuture<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Runnable virtualWork = () -> {
            seen.complete(CellThreadGroup.of(Thread.currentThread()));
            try {
                stopped.await();
                UserCodeGuard.checkStop();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        };
        Thread snippet = new Thread(cell, () -> {
            cell.startsVirtualThreadsOfThisCell();
            try {
                Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, virtualWork);
            } catch (ReflectiveOperationException e) {
                seen.completeExceptionally(e);
            }
        });
        snippet.start();

        assertSame(cell, seen.get());
        StopSignal.stop(cell);
        stopped.countDown();
        assertTrue(ended.get() instanceof CellStoppedError, String.valueOf(ended.get()));
    }
}
