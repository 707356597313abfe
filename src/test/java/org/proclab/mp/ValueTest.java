package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.spawn.Serialization;

/**
 * {@link Value} in one process and with real child JVMs. The three race-lesson tests share one
 * pair of children ({@link RaceLesson}), started by the first of them, to keep JVM starts few.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ValueTest {
    private static RaceLesson raceLesson;

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    // In one process each kind holds what it was given and set to, adds atomically, and prints like Value(int, 5).
    @Test
    void holdsSetsAddsAndPrints() {
        Value.OfInt i = Value.ofInt(5);
        assertEquals(5, i.get());
        assertEquals("Value(int, 5)", i.toString());
        i.set(-3);
        assertEquals(-3, i.getAndAdd(10));
        assertEquals(7, i.get());

        Value.OfLong l = Value.ofLong(Long.MAX_VALUE - 1);
        assertEquals(Long.MAX_VALUE - 1, l.getAndAdd(1));
        assertEquals("Value(long, " + Long.MAX_VALUE + ")", l.toString());

        Value.OfDouble d = Value.ofDouble(2.5);
        assertEquals(2.5, d.getAndAdd(0.25));
        assertEquals(2.75, d.get());
        d.set(-0.0);
        assertEquals("Value(double, -0.0)", d.toString());
    }

    // A Value's lock is its own (two Values do not share one) and is a working Lock.
    @Test
    void eachValueHasItsOwnLock() throws InterruptedException {
        Value.OfInt first = Value.ofInt(0);
        Value.OfInt second = Value.ofInt(0);
        try (Lock.Held held = first.lock().hold()) {
            assertTrue(first.lock().locked());
            assertFalse(second.lock().locked());
            first.set(1);
        }
        assertFalse(first.lock().locked());
        assertEquals(1, first.get());
    }

    // What travels is a handle: the deserialized Value is the same memory, not a snapshot of it.
    @Test
    void aTravellingValueIsTheSameMemory() throws Exception {
        Value.OfLong original = Value.ofLong(1);
        Value.OfLong received = (Value.OfLong) Serialization.fromBytes(
                Serialization.toBytes(original, "a Value"), getClass().getClassLoader());
        received.set(99);
        assertEquals(99, original.get());
        original.getAndAdd(1);
        assertEquals(100, received.get());
    }

    // A child process reads the parent's Values and its set() is seen by the parent after join.
    @Test
    void childsSetIsSeenByTheParent() throws InterruptedException {
        Value.OfInt i = Value.ofInt(1);
        Value.OfLong l = Value.ofLong(2);
        Value.OfDouble d = Value.ofDouble(3);
        Process child = new Process(() -> {
            i.set(i.get() + 41);
            l.set(l.get() * Integer.MAX_VALUE);
            d.set(d.get() / 2);
        }).start();
        child.join();
        assertEquals(0, child.exitCode());
        assertEquals(42, i.get());
        assertEquals(2L * Integer.MAX_VALUE, l.get());
        assertEquals(1.5, d.get());
    }

    // The race lesson: two processes doing v.set(v.get() + 1) at the same time lose updates (Python's v.value += 1).
    @Test
    void unlockedIncrementsFromTwoProcessesLoseUpdates() throws InterruptedException {
        List<Integer> totals = raceLesson().unlocked.stream().map(Value.OfInt::get).toList();
        assertTrue(totals.stream().anyMatch(total -> total < RaceLesson.EXPECTED),
                "no update was lost in any attempt: " + totals);
    }

    // Fix 1: holding the Value's lock around the read and the write makes every increment count.
    @Test
    void lockedIncrementsAllCount() throws InterruptedException {
        assertEquals(RaceLesson.EXPECTED, raceLesson().locked.get());
        assertFalse(raceLesson().locked.lock().locked());
    }

    // Fix 2: getAndAdd reads and writes in one atomic step, so every increment counts without the lock.
    @Test
    void getAndAddIncrementsAllCount() throws InterruptedException {
        assertEquals(RaceLesson.EXPECTED, raceLesson().atomic.get());
    }

    private static synchronized RaceLesson raceLesson() throws InterruptedException {
        if (raceLesson == null) {
            RaceLesson lesson = new RaceLesson();
            lesson.playInTwoChildren();
            raceLesson = lesson;
        }
        return raceLesson;
    }

    /**
     * Two child processes that increment shared counters {@value #INCREMENTS} times each, round by
     * round: {@value #UNLOCKED_ATTEMPTS} rounds with {@code v.set(v.get() + 1)} (a fresh Value
     * each), one holding the lock, one with {@code getAndAdd(1)}. Both announce themselves on the
     * round's start counter and spin until it reaches 2, so their loops really overlap.
     */
    private static final class RaceLesson implements Serializable {
        static final int INCREMENTS = 100_000;
        static final int EXPECTED = 2 * INCREMENTS;
        static final int UNLOCKED_ATTEMPTS = 3;
        private static final int ROUNDS = UNLOCKED_ATTEMPTS + 2;

        final List<Value.OfInt> unlocked = List.of(Value.ofInt(0), Value.ofInt(0), Value.ofInt(0));
        final Value.OfInt locked = Value.ofInt(0);
        final Value.OfInt atomic = Value.ofInt(0);
        private final Array.OfInt started = Array.ofInt(ROUNDS);

        void playInTwoChildren() throws InterruptedException {
            Process first = new Process(this::play).start();
            Process second = new Process(this::play).start();
            first.join();
            second.join();
            assertEquals(0, first.exitCode());
            assertEquals(0, second.exitCode());
        }

        private void play() throws InterruptedException {
            int round = 0;
            for (Value.OfInt v : unlocked) {
                startTogether(round++);
                for (int n = 0; n < INCREMENTS; n++) {
                    v.set(v.get() + 1);
                }
            }
            startTogether(round++);
            for (int n = 0; n < INCREMENTS; n++) {
                try (var held = locked.lock().hold()) {
                    locked.set(locked.get() + 1);
                }
            }
            startTogether(round);
            for (int n = 0; n < INCREMENTS; n++) {
                atomic.getAndAdd(1);
            }
        }

        private void startTogether(int round) {
            started.getAndAdd(round, 1);
            while (started.get(round) < 2) {
                Thread.onSpinWait();
            }
        }
    }
}
