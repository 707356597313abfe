package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.waitUntil;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Helpers for the synchronization primitives' tests: other threads of the test JVM. */
final class SyncTesting {
    private SyncTesting() {
    }

    /** Runs {@code work} in a new thread of this process and returns its result. */
    static <T> T inNewThread(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        new Thread(task, "sync-test-helper").start();
        return task.get(LONG.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Runs {@code blocking} in a new thread, interrupts the thread once it sleeps inside (a waiting
     * primitive parks between polls), and returns what it threw (null if nothing).
     */
    static Throwable interruptWhenBlocked(Task blocking) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                blocking.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "sync-test-blocked");
        thread.start();
        assertTrue(waitUntil(() -> thread.getState() == Thread.State.TIMED_WAITING, LONG), "the thread never blocked");
        thread.interrupt();
        thread.join(LONG.toMillis());
        return thrown.get();
    }
}
