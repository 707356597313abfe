package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.waitUntil;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code %locks} reads: holders, waiters and wait cycles across real child JVMs. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LockSurveyTest {
    // A lock this thread holds shows this process and thread as holder; once released it shows free and no one.
    @Test
    void aHeldLockShowsItsHolderAndAReleasedOneShowsNobody() throws InterruptedException {
        Lock lock = new Lock();
        try (Lock.Held held = lock.hold()) {
            LockSurvey.Entry entry = entryOf(LockSurvey.take(Map.of()), lock);
            assertEquals("locked", entry.state());
            assertNotNull(entry.holder());
            assertEquals(ProcessHandle.current().pid(), entry.holder().pid());
            assertEquals(Thread.currentThread().getName(), entry.holder().threadName());
            assertTrue(entry.waiters().isEmpty());
        }
        LockSurvey.Entry entry = entryOf(LockSurvey.take(Map.of()), lock);
        assertEquals("free", entry.state());
        assertNull(entry.holder());
        assertTrue(entry.waiters().isEmpty());
    }

    // A child that waits for a lock the parent holds is listed as its waiter, by name and pid, until it gets the lock.
    @Test
    void aChildWaitingForTheParentsLockIsItsWaiter() throws InterruptedException {
        Lock lock = new Lock();
        lock.acquire();
        Process child = new Process(() -> {
            lock.acquire();
            lock.release();
        }).start();
        assertTrue(waitUntil(() -> !entryOf(LockSurvey.take(Map.of()), lock).waiters().isEmpty(), LONG),
                "the child never showed as waiting");
        LockSurvey.Waiter waiter = entryOf(LockSurvey.take(Map.of()), lock).waiters().get(0);
        assertEquals(child.pid(), waiter.party().pid());
        assertEquals(child.name(), waiter.party().processName());
        assertTrue(LockSurvey.take(Map.of()).deadlocks().isEmpty());
        lock.release();
        child.join();
        assertEquals(0, child.exitCode());
        assertTrue(entryOf(LockSurvey.take(Map.of()), lock).waiters().isEmpty());
    }

    // Two processes taking two locks in opposite orders deadlock; the survey names both steps of the cycle,
    // and after one side is terminated the other takes its lock over, finishes, and no cycle is left.
    @Test
    void twoLocksTakenInOppositeOrdersAreNamedAsADeadlock() throws InterruptedException {
        Lock a = new Lock();
        Lock b = new Lock();
        Barrier bothHoldOne = new Barrier(2);
        Process first = new Process(() -> takeInOrder(a, b, bothHoldOne)).start();
        Process second = new Process(() -> takeInOrder(b, a, bothHoldOne)).start();
        assertTrue(waitUntil(() -> !LockSurvey.take(Map.of()).deadlocks().isEmpty(), LONG), "no deadlock was seen");

        LockSurvey.Deadlock deadlock = LockSurvey.take(Map.of()).deadlocks().get(0);
        assertEquals(Set.of(first.pid(), second.pid()),
                deadlock.steps().stream().map(step -> step.party().pid()).collect(Collectors.toSet()));
        Map<String, String> names = LockSurvey.namesOf(Map.of("a", a, "b", b));
        String told = deadlock.describe(names);
        assertTrue(told.contains(first.name() + " (pid " + first.pid() + ", thread ") && told.contains("holds a and waits for b"), told);
        assertTrue(told.contains(second.name() + " (pid " + second.pid() + ", thread ") && told.contains("holds b and waits for a"), told);
        assertEquals(first.pid(), entryOf(LockSurvey.take(Map.of()), a).holder().pid());
        assertEquals(List.of(second.pid()),
                entryOf(LockSurvey.take(Map.of()), a).waiters().stream().map(w -> w.party().pid()).toList());

        first.terminate();
        second.join(LONG);
        assertEquals(0, second.exitCode());
        LockSurvey after = LockSurvey.take(Map.of());
        assertTrue(after.deadlocks().isEmpty());
        assertTrue(entryOf(after, a).waiters().isEmpty() && entryOf(after, b).waiters().isEmpty());
    }

    // A thread that takes a non-reentrant Lock twice waits for itself: a cycle of one.
    @Test
    void aThreadWaitingForALockItHoldsIsADeadlockWithItself() throws InterruptedException {
        Lock lock = new Lock();
        Process child = new Process(() -> {
            lock.acquire();
            lock.acquire();
        }).start();
        assertTrue(waitUntil(() -> !LockSurvey.take(Map.of()).deadlocks().isEmpty(), LONG), "no deadlock was seen");
        String told = LockSurvey.take(Map.of()).deadlocks().get(0).describe(Map.of(LockSurvey.idOf(lock), "lock"));
        assertTrue(told.endsWith("holds lock and waits for lock."), told);
        child.kill();
        child.join();
    }

    // A child waiting for a Semaphore's place, and one waiting for a Condition's signal, are shown as their waiters.
    @Test
    void semaphoreAndConditionWaitersAreShown() throws InterruptedException {
        Semaphore none = new Semaphore(0);
        Condition changed = new Condition();
        Process placeWaiter = new Process(() -> none.acquire()).start();
        Process signalWaiter = new Process(() -> {
            try (Lock.Held held = changed.hold()) {
                changed.await();
            }
        }).start();
        assertTrue(waitUntil(() -> {
            LockSurvey survey = LockSurvey.take(Map.of());
            return !entryOf(survey, none).waiters().isEmpty() && !entryOf(survey, changed).waiters().isEmpty();
        }, LONG), "the waiters never showed");
        LockSurvey survey = LockSurvey.take(Map.of());
        assertEquals("value=0", entryOf(survey, none).state());
        assertEquals(placeWaiter.pid(), entryOf(survey, none).waiters().get(0).party().pid());
        LockSurvey.Waiter signal = entryOf(survey, changed).waiters().get(0);
        assertEquals(signalWaiter.pid(), signal.party().pid());
        assertTrue(signal.forSignal());
        assertTrue(survey.deadlocks().isEmpty());
        none.release();
        try (Lock.Held held = changed.hold()) {
            changed.signal();
        }
        placeWaiter.join();
        signalWaiter.join();
        assertEquals(0, placeWaiter.exitCode());
        assertEquals(0, signalWaiter.exitCode());
    }

    private static void takeInOrder(Lock first, Lock second, Barrier bothHoldOne) throws Exception {
        first.acquire();
        bothHoldOne.await();
        second.acquire();
        second.release();
        first.release();
    }

    private static LockSurvey.Entry entryOf(LockSurvey survey, Object object) {
        String id = LockSurvey.idOf(object);
        return survey.entries().stream().filter(entry -> entry.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + id + " in " + survey.entries()));
    }
}
