package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cross-process Lock, with real child JVMs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LockTest {
    // Within one process the lock is taken, seen as locked, released; releasing it twice is an error.
    @Test
    void acquireReleaseInOneProcess() throws InterruptedException {
        Lock lock = new Lock();
        assertFalse(lock.locked());
        lock.acquire();
        assertTrue(lock.locked());
        assertFalse(lock.tryAcquire());
        assertFalse(lock.acquire(Duration.ofMillis(50)));
        lock.release();
        assertFalse(lock.locked());
        assertThrows(IllegalStateException.class, lock::release);
        try (Lock.Held held = lock.hold()) {
            assertTrue(lock.locked());
        }
        assertFalse(lock.locked());
    }

    // A child sees the parent's lock: it cannot take it while the parent holds it, and can once released.
    @Test
    void childSeesTheParentsLock() throws InterruptedException {
        Lock lock = new Lock();
        lock.acquire();
        Process blocked = new Process(() -> System.exit(lock.acquire(Duration.ofMillis(300)) ? 0 : 7)).start();
        blocked.join();
        assertEquals(7, blocked.exitCode());
        lock.release();
        Process free = new Process(() -> {
            lock.acquire();
            lock.release();
        }).start();
        free.join();
        assertEquals(0, free.exitCode());
    }

    // A child that dies holding the lock does not block the parent forever: the parent takes it over.
    @Test
    void lockOfADeadHolderIsTakenOver() throws InterruptedException {
        Lock lock = new Lock();
        Process holder = new Process(() -> {
            lock.acquire();
            System.exit(3);
        }).start();
        holder.join();
        assertEquals(3, holder.exitCode());
        assertTrue(lock.locked());
        assertTrue(lock.acquire(Duration.ofSeconds(10)));
        lock.release();
    }
}
