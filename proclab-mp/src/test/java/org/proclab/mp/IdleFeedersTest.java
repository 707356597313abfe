package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.waitUntil;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Which pool feeder may take the next chunk: those of idle workers first. */
class IdleFeedersTest {
    // A feeder whose worker is busy waits while an idle worker's feeder waits, and goes once it has left.
    @Test
    void aBusyWorkersFeederWaitsForTheIdleOnes() throws InterruptedException {
        IdleFeeders feeders = new IdleFeeders();
        feeders.enter();
        AtomicBoolean passed = new AtomicBoolean();
        Thread busy = new Thread(() -> {
            try {
                feeders.awaitTurn(() -> false);
                passed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "busy-feeder");
        busy.start();
        assertTrue(waitUntil(() -> busy.getState() == Thread.State.WAITING, LONG), "the busy feeder never waited");
        assertFalse(passed.get());
        feeders.leave();
        busy.join(LONG.toMillis());
        assertTrue(passed.get(), "the busy feeder still waits after the idle one left");
    }

    // A feeder whose own worker is idle goes at once, even while other idle workers' feeders wait.
    @Test
    void anIdleWorkersFeederGoesAtOnce() throws InterruptedException {
        IdleFeeders feeders = new IdleFeeders();
        feeders.enter();
        feeders.enter();
        feeders.awaitTurn(() -> true);
        assertTrue(feeders.any());
        feeders.leave();
        feeders.leave();
        assertFalse(feeders.any());
    }
}
