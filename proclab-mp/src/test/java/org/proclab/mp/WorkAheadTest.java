package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How far ahead of a pool worker its feeder may send: by the pace of the current map call. */
class WorkAheadTest {
    private static final long MICROSECOND = 1_000;
    private static final long SECOND = 1_000_000_000;

    // Nothing is known about a new call, so it starts with the minimum.
    @Test
    void aNewCallStartsAtTheMinimum() {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(1);
        assertEquals(WorkAhead.MIN_AHEAD, ahead.limit());
    }

    // Chunks of microseconds: many are sent ahead, but never more than the maximum.
    @Test
    void tinyChunksAreSentFarAhead() throws InterruptedException {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(1);
        chunkTook(ahead, 1, 100 * MICROSECOND);
        assertEquals(WorkAhead.AHEAD_NANOS / (100 * MICROSECOND), ahead.limit());
        for (int i = 0; i < 100; i++) {
            chunkTook(ahead, 1, 5 * MICROSECOND);
        }
        assertEquals(WorkAhead.MAX_AHEAD, ahead.limit());
    }

    // Chunks of a second: no more than the minimum, so that an idle worker gets the rest.
    @Test
    void longChunksAreNotHoarded() throws InterruptedException {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(1);
        chunkTook(ahead, 1, SECOND);
        assertEquals(WorkAhead.MIN_AHEAD, ahead.limit());
    }

    // After a map of tiny tasks, the next map (perhaps of long ones) starts at the minimum again,
    // and late results of the earlier map do not count for it.
    @Test
    void theNextCallStartsAfresh() throws InterruptedException {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(1);
        chunkTook(ahead, 1, 5 * MICROSECOND);
        ahead.reserve();
        ahead.pace(2);
        assertEquals(WorkAhead.MIN_AHEAD, ahead.limit());
        ahead.done(1, 5 * MICROSECOND);
        assertEquals(WorkAhead.MIN_AHEAD, ahead.limit());
    }

    // Single calls (apply) carry no pace: however short, they stay at the minimum.
    @Test
    void singleCallsStayAtTheMinimum() throws InterruptedException {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(WorkAhead.SINGLE);
        for (int i = 0; i < 10; i++) {
            chunkTook(ahead, WorkAhead.SINGLE, MICROSECOND);
        }
        assertEquals(WorkAhead.MIN_AHEAD, ahead.limit());
    }

    // At the limit, a reservation waits until a chunk comes back.
    @Test
    void reserveWaitsForRoom() throws InterruptedException {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(1);
        for (int i = 0; i < WorkAhead.MIN_AHEAD; i++) {
            ahead.reserve();
        }
        CountDownLatch reserved = afterWaiting(ahead::reserve);
        assertFalse(reserved.await(200, TimeUnit.MILLISECONDS));
        ahead.done(1, SECOND);
        assertTrue(reserved.await(10, TimeUnit.SECONDS));
    }

    // Before a worker is replaced or stopped, its feeder waits for every other chunk in flight.
    @Test
    void awaitOthersWaitsUntilOnlyTheCallersChunkIsLeft() throws InterruptedException {
        WorkAhead ahead = new WorkAhead();
        ahead.pace(1);
        ahead.reserve();
        ahead.reserve();
        CountDownLatch alone = afterWaiting(ahead::awaitOthers);
        assertFalse(alone.await(200, TimeUnit.MILLISECONDS));
        ahead.done(1, MICROSECOND);
        assertTrue(alone.await(10, TimeUnit.SECONDS));
    }

    /** Sends one chunk of {@code call} and has it come back after {@code nanos}. */
    private static void chunkTook(WorkAhead ahead, long call, long nanos) throws InterruptedException {
        ahead.reserve();
        ahead.done(call, nanos);
    }

    /** A wait that a feeder thread does. */
    private interface Wait {
        void await() throws InterruptedException;
    }

    /** Runs {@code wait} on a feeder thread of its own; the latch opens when the wait is over. */
    private static CountDownLatch afterWaiting(Wait wait) {
        CountDownLatch over = new CountDownLatch(1);
        Thread feeder = new Thread(() -> {
            try {
                wait.await();
                over.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-feeder");
        feeder.setDaemon(true);
        feeder.start();
        return over;
    }
}
