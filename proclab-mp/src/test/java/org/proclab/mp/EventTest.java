package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.waitUntil;
import static org.proclab.mp.SyncTesting.interruptWhenBlocked;

import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cross-process Event, with threads and real child JVMs. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.killLeftoverChildren();
    }

    // The flag follows set and clear; a timed await reports it, and returns false when it stays clear.
    @Test
    void flagFollowsSetAndClear() throws InterruptedException {
        Event event = new Event();
        assertFalse(event.isSet());
        assertEquals("<Event(unset)>", event.toString());
        assertFalse(event.await(Duration.ofMillis(50)));
        event.set();
        event.set();
        assertTrue(event.isSet());
        assertEquals("<Event(set)>", event.toString());
        assertTrue(event.await(Duration.ofMillis(50)));
        event.await();
        event.clear();
        event.clear();
        assertFalse(event.isSet());
        assertFalse(event.await(Duration.ofMillis(50)));
    }

    // A thread already waiting when the flag is set wakes up even if the flag is cleared right away.
    @Test
    void waiterWakesUpFromASetThatIsClearedAtOnce() throws Exception {
        Event event = new Event();
        FutureTask<Boolean> waiter = new FutureTask<>(() -> event.await(LONG));
        Thread thread = new Thread(waiter, "event-waiter");
        thread.start();
        assertTrue(waitUntil(() -> thread.getState() == Thread.State.TIMED_WAITING, LONG));
        event.set();
        event.clear();
        assertTrue(waiter.get(LONG.toSeconds(), TimeUnit.SECONDS));
        assertFalse(event.isSet());
    }

    // A thread waiting for the flag ends its wait with InterruptedException when interrupted (the stop button).
    @Test
    void interruptEndsTheWait() throws InterruptedException {
        Event event = new Event();
        assertInstanceOf(InterruptedException.class, interruptWhenBlocked(event::await));
    }

    // A child blocks in await until the parent sets the event, and then goes on.
    @Test
    void childWaitsUntilTheParentSetsTheEvent() throws InterruptedException {
        Event ready = new Event();
        Event go = new Event();
        Process child = new Process(() -> {
            ready.set();
            go.await();
            System.exit(go.isSet() ? 0 : 3);
        }).start();
        assertTrue(ready.await(LONG));
        child.join(Duration.ofMillis(300));
        assertTrue(child.isAlive(), "the child went on before the event was set");
        go.set();
        child.join();
        assertEquals(0, child.exitCode());
    }
}
