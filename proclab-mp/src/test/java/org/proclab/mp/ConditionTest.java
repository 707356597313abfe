package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.waitUntil;
import static org.proclab.mp.SyncTesting.interruptWhenBlocked;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.shm.SharedRegion;

/** The cross-process Condition, with threads and real child JVMs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConditionTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.killLeftoverChildren();
    }

    // Waiting or signalling without the lock is an error; a timed-out await returns false holding the RLock as often as before.
    @Test
    void awaitAndSignalRequireTheLock() throws InterruptedException {
        Condition condition = new Condition();
        assertEquals("<Condition(<RLock(unlocked)>, waiting=0)>", condition.toString());
        IllegalStateException unheld = assertThrows(IllegalStateException.class, condition::signal);
        assertEquals("cannot notify on un-acquired lock", unheld.getMessage());
        assertThrows(IllegalStateException.class, () -> condition.await(Duration.ofMillis(10)));
        assertThrows(IllegalStateException.class, () -> condition.waitFor(() -> true, Duration.ofMillis(10)));
        condition.acquire();
        condition.acquire();
        assertFalse(condition.await(Duration.ofMillis(50)));
        assertFalse(condition.waitFor(() -> false, Duration.ofMillis(50)));
        assertTrue(condition.waitFor(() -> true, Duration.ofMillis(50)));
        condition.release();
        condition.release();
        assertThrows(IllegalStateException.class, condition::release);
    }

    // signal(2) wakes exactly the two threads that have waited longest; signalAll wakes the rest.
    @Test
    void signalWakesTheLongestWaitingFirst() throws Exception {
        Condition condition = new Condition();
        Set<Integer> woken = ConcurrentHashMap.newKeySet();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int number = i;
            Thread waiter = new Thread(() -> {
                try (Lock.Held held = condition.hold()) {
                    if (condition.await(LONG)) {
                        woken.add(number);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "waiter-" + number);
            waiter.start();
            waiters.add(waiter);
            assertTrue(waitUntil(() -> condition.waiting() == number, LONG));
        }
        try (Lock.Held held = condition.hold()) {
            condition.signal(2);
        }
        assertTrue(waitUntil(() -> woken.size() == 2, LONG));
        assertEquals(Set.of(1, 2), woken);
        assertEquals(1, condition.waiting());
        try (Lock.Held held = condition.hold()) {
            condition.signalAll();
        }
        for (Thread waiter : waiters) {
            waiter.join(LONG.toMillis());
        }
        assertEquals(Set.of(1, 2, 3), woken);
    }

    // An interrupted await throws InterruptedException and still holds the lock again (its release succeeds).
    @Test
    void interruptEndsTheWaitWithTheLockHeld() throws InterruptedException {
        Condition condition = new Condition();
        Throwable thrown = interruptWhenBlocked(() -> {
            condition.acquire();
            try {
                condition.await();
            } finally {
                condition.release();
            }
        });
        assertInstanceOf(InterruptedException.class, thrown);
        assertEquals(0, condition.waiting());
    }

    // A child signals the parent, which waits on a Condition over a plain Lock and holds that lock again afterwards.
    @Test
    void childSignalsTheParent() throws InterruptedException {
        Lock lock = new Lock();
        Condition condition = new Condition(lock);
        condition.acquire();
        Process child = new Process(() -> {
            try (Lock.Held held = condition.hold()) {
                condition.signal();
            }
        }).start();
        assertTrue(condition.await(LONG), "the child's signal did not arrive");
        assertTrue(lock.locked());
        condition.release();
        child.join();
        assertEquals(0, child.exitCode());
    }

    // Parent and child take 100 turns each, handing over with signal and waitFor: a lost signal would stall a turn until it fails.
    @Test
    void noSignalIsLostBetweenProcesses() throws InterruptedException {
        Condition turnChanged = new Condition();
        SharedRegion turn = SharedRegion.create("test-turn", 8);
        int rounds = 100;
        Process child = new Process(() -> {
            try (Lock.Held held = turnChanged.hold()) {
                for (int i = 0; i < rounds; i++) {
                    int mine = 2 * i + 1;
                    if (!turnChanged.waitFor(() -> turn.getIntVolatile(0) == mine, LONG)) {
                        System.exit(2);
                    }
                    turn.setIntVolatile(0, mine + 1);
                    turnChanged.signal();
                }
            }
        }).start();
        try (Lock.Held held = turnChanged.hold()) {
            for (int i = 0; i < rounds; i++) {
                int mine = 2 * i;
                assertTrue(turnChanged.waitFor(() -> turn.getIntVolatile(0) == mine, LONG), "stalled at turn " + mine);
                turn.setIntVolatile(0, mine + 1);
                turnChanged.signal();
            }
            assertTrue(turnChanged.waitFor(() -> turn.getIntVolatile(0) == 2 * rounds, LONG));
        }
        child.join();
        assertEquals(0, child.exitCode());
    }

    // A signal skips a waiter whose process was killed and wakes a live one instead.
    @Test
    void signalSkipsADeadWaiter() throws Exception {
        RLock lock = new RLock();
        Condition condition = new Condition(lock);
        Process doomed = new Process(() -> {
            condition.acquire();
            condition.await();
        }).start();
        assertTrue(waitUntil(() -> condition.waiting() == 1 && lock.tryAcquire(), LONG));
        lock.release();
        doomed.kill();
        doomed.join();
        FutureTask<Boolean> live = new FutureTask<>(() -> {
            try (Lock.Held held = condition.hold()) {
                return condition.await(LONG);
            }
        });
        new Thread(live, "live-waiter").start();
        assertTrue(waitUntil(() -> condition.waiting() == 2, LONG));
        try (Lock.Held held = condition.hold()) {
            condition.signal();
        }
        assertTrue(live.get(LONG.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, condition.waiting());
    }
}
