package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CellThreadWatchTest {
    private final ThreadGroup cells = new ThreadGroup("test-cells");
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void endThreads() throws InterruptedException {
        release.countDown();
        for (Thread thread : started) {
            thread.join();
        }
    }

    private CellThreadGroup cellWithThreads(int executionCount, int threads) {
        CellThreadGroup group = new CellThreadGroup(cells, executionCount, null);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(group, () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            started.add(thread);
        }
        return group;
    }

    // At the limit, the cell with the most live threads is the one handed over to be stopped.
    @Test
    void atTheLimitTheCellWithTheMostThreadsIsHandedOver() throws Exception {
        cellWithThreads(1, 2);
        CellThreadGroup bomb = cellWithThreads(2, 6);
        CompletableFuture<CellThreadGroup> handedOver = new CompletableFuture<>();
        CellThreadWatch watch = new CellThreadWatch(cells, 8, handedOver::complete);

        watch.threadStarted();

        assertSame(bomb, handedOver.get(30, TimeUnit.SECONDS));
    }

    // The watch keeps counting while cell threads live: a thread started later, by anyone, that brings
    // the count to the limit is seen without being announced.
    @Test
    void aThreadStartedLaterIsCountedToo() throws Exception {
        CompletableFuture<CellThreadGroup> handedOver = new CompletableFuture<>();
        CellThreadWatch watch = new CellThreadWatch(cells, 4, handedOver::complete);
        CellThreadGroup first = cellWithThreads(1, 3);
        watch.threadStarted();

        cellWithThreads(2, 1);

        assertSame(first, handedOver.get(30, TimeUnit.SECONDS));
    }
}
