package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.proclab.mp.Barrier;
import org.proclab.mp.Lock;
import org.proclab.mp.Process;
import org.proclab.mp.Queue;
import org.proclab.mp.Value;

// Check.awaitEnd tells a check why processes have not ended: a deadlock in seconds, naming who holds
// and waits for which lock, or progress that stopped, else its time limit.
class CheckAwaitEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    // Two processes that each hold one lock and wait for the other's: found well before the limit.
    @Test
    void aDeadlockIsToldLongBeforeTheLimit() throws Exception {
        Lock a = new Lock();
        Lock b = new Lock();
        Barrier meet = new Barrier(2);
        Process there = new Process(() -> takeBoth(a, b, meet));
        Process back = new Process(() -> takeBoth(b, a, meet));
        there.start();
        back.start();
        long began = System.nanoTime();
        Optional<String> why = Check.awaitEnd(LIMIT, Map.of("lock a", a, "lock b", b), there, back);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        there.kill();
        back.kill();
        there.join();
        back.join();

        String told = why.orElseThrow();
        assertTrue(told.startsWith("they deadlocked: "), told);
        assertTrue(told.contains(there.name() + " (pid " + there.pid()) && told.contains(back.name() + " (pid " + back.pid()), told);
        assertTrue(told.contains("holds lock a and waits for lock b") && told.contains("holds lock b and waits for lock a"), told);
        assertTrue(took.compareTo(LIMIT.dividedBy(2)) < 0, "told after " + took);
    }

    // A process that waits for a lock the waiting check holds: told as a deadlock with the check.
    @Test
    void aProcessWaitingForTheChecksLockIsTold() throws Exception {
        Lock held = new Lock();
        Process waiter = new Process(() -> held.hold().close());
        Optional<String> why;
        try (var mine = held.hold()) {
            waiter.start();
            why = Check.awaitEnd(LIMIT, Map.of("the lock", held), waiter);
            waiter.kill();
        }
        waiter.join();
        assertEquals(Optional.of("it deadlocked with the check: " + waiter.name() + " (pid " + waiter.pid()
                + ", thread main) waits for the lock, which the check holds while it waits for " + waiter.name() + " to end."), why);
    }

    // Processes that end: nothing to tell.
    @Test
    void processesThatEndAreNotStuck() throws Exception {
        Lock shared = new Lock();
        Process one = new Process(() -> shared.hold().close());
        Process two = new Process(() -> shared.hold().close());
        one.start();
        two.start();
        assertEquals(Optional.empty(), Check.awaitEnd(LIMIT, Map.of("shared", shared), one, two));
        assertEquals(0, one.exitCode());
    }

    // A process that only takes long is still running at the limit: no deadlock is made up.
    @Test
    void aSlowProcessIsStillRunningAtTheLimit() throws Exception {
        Process sleeper = new Process(() -> Thread.sleep(60_000));
        sleeper.start();
        Optional<String> why = Check.awaitEnd(Duration.ofSeconds(1), Map.of(), sleeper);
        sleeper.kill();
        sleeper.join();
        assertEquals(Optional.of("still running after 1 s."), why);
    }

    // A consumer that joins its producer before taking anything from a full queue: no lock cycle, but the
    // count of items put stops moving, and that is told well before the limit.
    @Test
    void aStallWithoutLocksIsToldByItsProgress() throws Exception {
        Value.OfInt put = Value.ofInt(0);
        Queue<Integer> queue = new Queue<>(2);
        Process consumer = new Process(() -> {
            Process producer = new Process(() -> {
                for (int i = 1; i <= 10; i++) {
                    queue.put(i);
                    put.set(i);
                }
            });
            producer.start();
            producer.join();
            queue.get();
        });
        consumer.start();
        long began = System.nanoTime();
        Optional<String> why = Check.awaitEnd(LIMIT, "the items put", put::get, consumer);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        consumer.kill();
        consumer.join();
        assertEquals(Optional.of("the items put stayed at 2 for 3 s."), why);
        assertTrue(took.compareTo(LIMIT.dividedBy(2)) < 0, "told after " + took);
    }

    // Progress that keeps moving, however slowly, is no stall: the wait lasts until the end.
    @Test
    void slowProgressIsNotAStall() throws Exception {
        Value.OfInt steps = Value.ofInt(0);
        Process slow = new Process(() -> {
            for (int i = 1; i <= 5; i++) {
                Thread.sleep(1000);
                steps.set(i);
            }
        });
        slow.start();
        assertEquals(Optional.empty(), Check.awaitEnd(LIMIT, "the steps", steps::get, slow));
        assertEquals(5, steps.get());
    }

    private static void takeBoth(Lock first, Lock second, Barrier meet) throws Exception {
        try (var one = first.hold()) {
            meet.await();
            try (var two = second.hold()) {
                System.out.println("never: the other holds it");
            }
        }
    }
}
