package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A watch sees every thread that the watched thread makes, and no thread made elsewhere. */
class ThreadsOfTaskTest {

    /** Runs {@code body} in a fresh thread that starts a watch first, and returns the watch. */
    private static ThreadsOfTask watchWhile(Callable<?> body) throws Exception {
        AtomicReference<ThreadsOfTask> watch = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread task = new Thread(() -> {
            watch.set(ThreadsOfTask.watchCallingThread());
            try {
                body.call();
            } catch (Exception e) {
                failure.set(e);
            }
        });
        task.start();
        task.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return watch.get();
    }

    @Test
    void aTaskThatMakesNoThreadIsSeenSo() throws Exception {
        assertFalse(watchWhile(() -> Math.max(1, 2)).anyMade());
    }

    @Test
    void aThreadMadeButNeverStartedCounts() throws Exception {
        assertTrue(watchWhile(() -> new Thread(() -> { })).anyMade());
    }

    @Test
    void aShutdownHookCounts() throws Exception {
        assertTrue(watchWhile(() -> {
            Thread hook = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(hook);
            return Runtime.getRuntime().removeShutdownHook(hook);
        }).anyMade());
    }

    @Test
    void anExecutorsThreadsCount() throws Exception {
        assertTrue(watchWhile(() -> {
            ExecutorService executor = Executors.newFixedThreadPool(2);
            executor.submit(() -> 1).get();
            executor.shutdown();
            return executor.awaitTermination(10, TimeUnit.SECONDS);
        }).anyMade());
    }

    @Test
    void threadsMadeElsewhereDoNotCount() throws Exception {
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            elsewhere.submit(() -> 1).get();
            assertFalse(watchWhile(() -> elsewhere.submit(() -> new Thread(() -> { })).get()).anyMade());
        } finally {
            elsewhere.shutdownNow();
        }
    }
}
