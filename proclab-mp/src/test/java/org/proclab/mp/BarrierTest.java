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
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cross-process Barrier, with threads and real child JVMs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BarrierTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.killLeftoverChildren();
    }

    // Two processes wait at a Barrier(3) until the parent arrives third; the arrival indices are 0, 1 and 2.
    @Test
    void barrierOfThreeProcessesReleasesAllWhenTheLastArrives() throws InterruptedException {
        Barrier barrier = new Barrier(3);
        Process first = new Process(() -> System.exit(10 + barrier.await(LONG))).start();
        Process second = new Process(() -> System.exit(10 + barrier.await(LONG))).start();
        assertTrue(waitUntil(() -> barrier.waiting() == 2, LONG));
        assertTrue(first.isAlive() && second.isAlive(), "a party went on before the last one arrived");
        assertEquals("<Barrier(parties=3, waiting=2)>", barrier.toString());
        assertEquals(2, barrier.await(LONG));
        first.join();
        second.join();
        assertEquals(Set.of(10, 11), Set.of(first.exitCode(), second.exitCode()));
        assertFalse(barrier.broken());
    }

    // Parent and child pass the same Barrier(2) fifty times in a row, and of every round's indices 0 and 1
    // each got one: the child's count of zeros (its exit code) equals the parent's count of ones. (Exit
    // codes above 128 would read as signals, so the count itself is the code.)
    @Test
    void barrierIsReusedRoundAfterRound() throws InterruptedException {
        Barrier barrier = new Barrier(2);
        int rounds = 50;
        Process child = new Process(() -> {
            int zeros = 0;
            for (int i = 0; i < rounds; i++) {
                zeros += barrier.await(LONG) == 0 ? 1 : 0;
            }
            System.exit(zeros);
        }).start();
        int ones = 0;
        for (int i = 0; i < rounds; i++) {
            int index = barrier.await(LONG);
            assertTrue(index == 0 || index == 1, "index " + index);
            ones += index;
        }
        child.join();
        assertEquals(ones, child.exitCode());
        assertEquals(0, barrier.waiting());
    }

    // A timed-out wait breaks the barrier for itself and for later arrivals, until reset() repairs it.
    @Test
    void timeoutBreaksTheBarrierUntilReset() throws Exception {
        Barrier barrier = new Barrier(2);
        assertThrows(BrokenBarrierError.class, () -> barrier.await(Duration.ofMillis(50)));
        assertTrue(barrier.broken());
        assertEquals("<Barrier(parties=2, broken)>", barrier.toString());
        assertThrows(BrokenBarrierError.class, () -> barrier.await(LONG));
        barrier.reset();
        assertFalse(barrier.broken());
        assertEquals(Set.of(0, 1), passWithAnotherThread(barrier));
    }

    // abort() fails a thread that waits, and reset() while a thread waits fails it too but leaves the barrier usable.
    @Test
    void abortAndResetFailTheWaiters() throws Exception {
        Barrier barrier = new Barrier(2);
        FutureTask<Integer> aborted = waitInNewThread(barrier);
        barrier.abort();
        assertInstanceOf(BrokenBarrierError.class, failureOf(aborted));
        assertTrue(barrier.broken());
        barrier.reset();
        FutureTask<Integer> reset = waitInNewThread(barrier);
        barrier.reset();
        assertInstanceOf(BrokenBarrierError.class, failureOf(reset));
        assertFalse(barrier.broken());
        assertEquals(Set.of(0, 1), passWithAnotherThread(barrier));
        assertEquals(2, barrier.parties());
    }

    // An interrupted waiter throws InterruptedException and breaks the barrier, so the others do not wait for it forever.
    @Test
    void interruptBreaksTheBarrier() throws InterruptedException {
        Barrier barrier = new Barrier(2);
        assertInstanceOf(InterruptedException.class, interruptWhenBlocked(barrier::await));
        assertTrue(barrier.broken());
        assertEquals(0, barrier.waiting());
    }

    /** Starts a thread that waits at the barrier, and returns once it waits. */
    private static FutureTask<Integer> waitInNewThread(Barrier barrier) throws InterruptedException {
        int before = barrier.waiting();
        FutureTask<Integer> waiting = new FutureTask<>(() -> barrier.await(LONG));
        new Thread(waiting, "barrier-waiter").start();
        assertTrue(waitUntil(() -> barrier.waiting() == before + 1, LONG));
        return waiting;
    }

    /** The indices that this thread and a new one get at the barrier. */
    private static Set<Integer> passWithAnotherThread(Barrier barrier) throws Exception {
        FutureTask<Integer> other = waitInNewThread(barrier);
        int mine = barrier.await(LONG);
        return Set.of(mine, other.get(LONG.toSeconds(), TimeUnit.SECONDS));
    }

    private static Throwable failureOf(FutureTask<Integer> task) throws InterruptedException {
        try {
            task.get(LONG.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e.getCause();
        }
    }
}
