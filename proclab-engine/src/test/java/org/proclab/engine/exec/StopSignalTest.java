package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StopSignalTest {
    private final ThreadGroup cells = new ThreadGroup("test-cells");

    @AfterEach
    void clear() {
        StopSignal.clear();
    }

    /** Runs the stop check once on a new thread of {@code group}; completes with what it threw, or null. */
    private static CompletableFuture<Throwable> checkOnANewThread(ThreadGroup group) {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        new Thread(group, () -> {
            try {
                UserCodeGuard.checkStop();
                thrown.complete(null);
            } catch (Throwable e) {
                thrown.complete(e);
            }
        }).start();
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

    // Another cell's threads, and any thread once the next cell starts, go on.
    @Test
    void otherCellsAndLaterCellsAreNotStopped() throws Exception {
        CellThreadGroup stopped = new CellThreadGroup(cells, 1, null);
        StopSignal.stop(stopped);

        assertNull(checkOnANewThread(new CellThreadGroup(cells, 2, null)).get(30, TimeUnit.SECONDS));
        StopSignal.clear();
        assertNull(checkOnANewThread(stopped).get(30, TimeUnit.SECONDS));
    }
}
