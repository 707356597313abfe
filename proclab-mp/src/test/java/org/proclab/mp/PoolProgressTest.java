package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool reports the progress of long maps to its context's reporter, and stays quiet for short ones. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolProgressTest {
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final ProgressReporter recorder = (what, total) -> {
        reported.add("start " + what + " " + total);
        return new ProgressReporter.Bar() {
            @Override
            public void update(int done) {
                reported.add("update " + done);
            }

            @Override
            public void finish(int done, Duration took) {
                reported.add("finish " + done);
            }
        };
    };

    @AfterEach
    void noReporter() {
        MpContext.defaultContext().reportProgressTo(ProgressReporter.NONE);
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    // A long map of a `new Pool` starts a bar of the default context's reporter with its size, updates it with
    // growing counts below the total, and finishes it at the total.
    @Test
    void longMapReportsStartUpdatesAndFinish() throws InterruptedException {
        MpContext.defaultContext().reportProgressTo(recorder);
        try (Pool pool = new Pool(2)) {
            List<Integer> items = IntStream.range(0, 3000).boxed().toList();
            assertEquals(3000, pool.map(x -> { Thread.sleep(1); return x; }, items, 100).size());
        }
        assertEquals("start Pool(2) 3000", reported.get(0));
        assertEquals("finish 3000", reported.get(reported.size() - 1));
        int previous = 0;
        for (String update : reported.subList(1, reported.size() - 1)) {
            int done = Integer.parseInt(update.substring("update ".length()));
            assertTrue(done > previous && done < 3000, reported.toString());
            previous = done;
        }
    }

    // The last chunks finish on two workers' threads at once: an update drawn while the last chunk finishes still
    // lands before the finish, so the bar ends at 100%, not at the count that update carried.
    @Test
    void anUpdateUnderWayLandsBeforeTheFinish() throws InterruptedException {
        CountDownLatch finishing = new CountDownLatch(1);
        ProgressReporter slowUpdates = (what, total) -> new ProgressReporter.Bar() {
            @Override
            public void update(int done) {
                try {
                    finishing.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reported.add("update " + done);
            }

            @Override
            public void finish(int done, Duration took) {
                finishing.countDown();
                reported.add("finish " + done);
            }
        };
        List<CompletableFuture<Object>> parts = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        PoolProgress.follow(slowUpdates, "Pool(2)", 1000, parts, List.of(500, 500));
        Thread.sleep(150);
        Thread first = new Thread(() -> parts.get(0).complete("first"));
        first.start();
        while (first.getState() != Thread.State.TIMED_WAITING && first.isAlive()) {
            Thread.onSpinWait();
        }
        parts.get(1).complete("second");
        first.join();
        assertEquals(List.of("update 500", "finish 1000"), reported);
    }

    // What a map waits on completes after its bar is finished, so the cell never ends with the bar short of 100%.
    @Test
    void theMapsResultWaitsForTheFinish() {
        List<CompletableFuture<Object>> parts = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        List<CompletableFuture<Object>> counted = PoolProgress.follow(recorder, "Pool(2)", 1000, parts, List.of(500, 500));
        CompletableFuture.allOf(counted.toArray(CompletableFuture[]::new)).thenRun(() -> reported.add("result"));
        parts.forEach(part -> part.complete("done"));
        assertEquals(List.of("start Pool(2) 1000", "finish 1000", "result"), reported);
    }

    // A short map reports nothing: it is over before a bar would help.
    @Test
    void shortMapReportsNothing() throws InterruptedException {
        try (Pool pool = MpContext.defaultContext().withProgress(recorder).pool(2)) {
            pool.map(x -> x * 2, List.of(1, 2, 3));
        }
        assertEquals(List.of(), reported);
    }

    // A context's own reporter wins over the default context's: withProgress(NONE) draws no bar where the session would.
    @Test
    void contextWithItsOwnReporterKeepsTheDefaultsQuiet() throws InterruptedException {
        MpContext.defaultContext().reportProgressTo(recorder);
        try (Pool pool = MpContext.defaultContext().withProgress(ProgressReporter.NONE).pool(2)) {
            pool.map(x -> x, IntStream.range(0, 2000).boxed().toList(), 100);
        }
        assertEquals(List.of(), reported);
    }

    // Contexts from get and withSettings report where the default context reports, as it changes; withProgress keeps its own.
    @Test
    void derivedContextsFollowTheDefaultsReporter() {
        MpContext spawn = MpContext.get(StartMethod.SPAWN);
        MpContext bigger = MpContext.get(StartMethod.WARM).withSettings(settings -> settings.withHeap("1g"));
        MpContext own = spawn.withProgress(ProgressReporter.NONE);
        MpContext.defaultContext().reportProgressTo(recorder);
        assertSame(recorder, spawn.progress());
        assertSame(recorder, bigger.progress());
        assertSame(ProgressReporter.NONE, own.progress());
        MpContext.defaultContext().reportProgressTo(ProgressReporter.NONE);
        assertSame(ProgressReporter.NONE, bigger.progress());
    }
}
