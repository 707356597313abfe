package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.SyncTesting.inNewThread;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.MpTesting.Captured;

/** The cross-process reentrant lock, with threads and real child JVMs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RLockTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.killLeftoverChildren();
    }

    // The owner re-enters without waiting; another thread gets the lock only after as many releases as acquisitions.
    @Test
    void ownerReentersAndOthersWaitForTheLastRelease() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        assertTrue(lock.tryAcquire());
        assertTrue(lock.acquire(Duration.ofMillis(10)));
        assertTrue(lock.toString().endsWith("count=3)>"), lock.toString());
        assertFalse(inNewThread(lock::tryAcquire));
        lock.release();
        lock.release();
        assertFalse(inNewThread(() -> lock.acquire(Duration.ofMillis(50))));
        lock.release();
        assertEquals("<RLock(unlocked)>", lock.toString());
        assertTrue(inNewThread(() -> {
            boolean taken = lock.tryAcquire();
            lock.release();
            return taken;
        }));
    }

    // Only the owning thread may release: another thread, or a release of a free lock, is an error with Python's message.
    @Test
    void releaseByANonOwnerIsAnError() throws Exception {
        RLock lock = new RLock();
        IllegalStateException free = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("cannot release un-acquired lock", free.getMessage());
        try (Lock.Held held = lock.hold()) {
            IllegalStateException notOwner = inNewThread(() -> assertThrows(IllegalStateException.class, lock::release));
            assertEquals("cannot release un-acquired lock", notOwner.getMessage());
        }
        assertThrows(IllegalStateException.class, lock::release);
    }

    // A child cannot take the parent's RLock while the parent still holds it once of twice, and can after the last release.
    @Test
    void childWaitsUntilTheParentReleasedEveryAcquisition() throws InterruptedException {
        RLock lock = new RLock();
        lock.acquire();
        lock.acquire();
        lock.release();
        Process blocked = new Process(() -> System.exit(lock.acquire(Duration.ofMillis(300)) ? 0 : 7)).start();
        blocked.join();
        assertEquals(7, blocked.exitCode());
        lock.release();
        Process reentering = new Process(() -> {
            lock.acquire();
            lock.acquire();
            lock.release();
            lock.release();
        }).start();
        reentering.join();
        assertEquals(0, reentering.exitCode());
        assertEquals("<RLock(unlocked)>", lock.toString());
    }

    // A child that dies holding the RLock twice does not block the parent: it takes over with a count of one and says so.
    @Test
    void rlockOfADeadOwnerIsTakenOverWithItsCountReset() throws Exception {
        RLock lock = new RLock();
        Process owner = new Process(() -> {
            lock.acquire();
            lock.acquire();
            System.exit(3);
        }).start();
        owner.join();
        assertEquals(3, owner.exitCode());
        try (Captured captured = new Captured()) {
            assertTrue(lock.acquire(Duration.ofSeconds(10)));
            assertTrue(captured.err().contains("an RLock was held by pid " + owner.pid()), captured.err());
        }
        lock.release();
        assertTrue(inNewThread(() -> {
            boolean taken = lock.tryAcquire();
            lock.release();
            return taken;
        }));
    }
}
