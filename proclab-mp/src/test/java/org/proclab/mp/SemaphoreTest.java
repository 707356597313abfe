package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.SyncTesting.interruptWhenBlocked;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.shm.SharedRegion;

/** The cross-process Semaphore and BoundedSemaphore, with threads and real child JVMs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SemaphoreTest {
    private static final int INSIDE = 0;
    private static final int MOST_INSIDE = 4;
    private static final int ENTERED = 8;

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.killLeftoverChildren();
    }

    // Places are counted down by acquire and up by release; with none left, tryAcquire and a timed acquire fail.
    @Test
    void countsPlaces() throws InterruptedException {
        Semaphore semaphore = new Semaphore(2);
        assertEquals("<Semaphore(value=2)>", semaphore.toString());
        semaphore.acquire();
        assertTrue(semaphore.tryAcquire());
        assertEquals(0, semaphore.value());
        assertFalse(semaphore.tryAcquire());
        assertFalse(semaphore.acquire(Duration.ofMillis(50)));
        semaphore.release();
        try (Lock.Held place = semaphore.hold()) {
            assertEquals(0, semaphore.value());
        }
        semaphore.release();
        semaphore.release();
        assertEquals(3, semaphore.value(), "a plain Semaphore may be released above its initial value");
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    // A BoundedSemaphore refuses to be released above its initial value, with Python's message.
    @Test
    void boundedSemaphoreRefusesTooManyReleases() throws InterruptedException {
        BoundedSemaphore semaphore = new BoundedSemaphore(2);
        semaphore.acquire();
        assertEquals("<BoundedSemaphore(value=1, maxvalue=2)>", semaphore.toString());
        semaphore.release();
        IllegalStateException tooMany = assertThrows(IllegalStateException.class, semaphore::release);
        assertEquals("Semaphore released too many times", tooMany.getMessage());
        assertEquals(2, semaphore.value());
    }

    // A thread waiting for a place ends its wait with InterruptedException when interrupted (the stop button).
    @Test
    void interruptEndsTheWait() throws InterruptedException {
        Semaphore none = new Semaphore(0);
        assertInstanceOf(InterruptedException.class, interruptWhenBlocked(none::acquire));
    }

    // A Semaphore(2) admits at most two of four processes at once; each stays inside until it had company
    // (or nobody else can come), so a third one would be seen if the semaphore let it in.
    @Test
    void semaphoreOfTwoAdmitsAtMostTwoOfFourProcesses() throws InterruptedException {
        Semaphore semaphore = new Semaphore(2);
        SharedRegion counters = SharedRegion.create("test-counters", 16);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(new Process(() -> {
                try (Lock.Held place = semaphore.hold()) {
                    int inside = counters.getAndAddInt(INSIDE, 1) + 1;
                    counters.getAndAddInt(ENTERED, 1);
                    raiseToAtLeast(counters, MOST_INSIDE, inside);
                    while (counters.getIntVolatile(INSIDE) < 2 && counters.getIntVolatile(ENTERED) < 4) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(100);
                    counters.getAndAddInt(INSIDE, -1);
                }
            }).start());
        }
        for (Process process : processes) {
            process.join();
            assertEquals(0, process.exitCode());
        }
        assertEquals(2, counters.getIntVolatile(MOST_INSIDE));
        assertEquals(4, counters.getIntVolatile(ENTERED));
        assertEquals(2, semaphore.value());
    }

    private static void raiseToAtLeast(SharedRegion counters, int offset, int value) {
        int current;
        do {
            current = counters.getIntVolatile(offset);
        } while (current < value && !counters.compareAndSetInt(offset, current, value));
    }
}
