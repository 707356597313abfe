package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BatchInterrupterTest {
    // Every thread is interrupted, batch after batch, also those behind a thread that ignores its interrupt;
    // a batch that is never woken leaves its threads waiting for good (the timeout only ends such a failure).
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyBatchIsInterruptedEvenBehindAThreadThatIgnoresIt() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stubborn = new Thread(() -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a thread that goes on waiting whatever it is told
                }
            }
        });
        List<Thread> threads = new ArrayList<>(List.of(stubborn));
        for (int i = 0; i < 3 * BatchInterrupter.BATCH; i++) {
            threads.add(new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        threads.forEach(Thread::start);

        BatchInterrupter.interrupt(threads);

        for (Thread thread : threads.subList(1, threads.size())) {
            thread.join();
        }
        assertFalse(threads.subList(1, threads.size()).stream().anyMatch(Thread::isAlive));
        release.countDown();
        stubborn.join();
    }
}
