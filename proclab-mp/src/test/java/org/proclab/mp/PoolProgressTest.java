package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool reports the progress of long maps to the installed reporter, and stays quiet for short ones. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolProgressTest {
    private final List<String> reported = new CopyOnWriteArrayList<>();

    @AfterEach
    void noReporter() {
        ProgressReporter.use(null);
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private void record() {
        ProgressReporter.use((what, total) -> {
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
        });
    }

    // A long map starts a bar with its size, updates it with growing counts below the total, and finishes it at the total.
    @Test
    void longMapReportsStartUpdatesAndFinish() throws InterruptedException {
        record();
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

    // A short map reports nothing: it is over before a bar would help.
    @Test
    void shortMapReportsNothing() throws InterruptedException {
        record();
        try (Pool pool = new Pool(2)) {
            pool.map(x -> x * 2, List.of(1, 2, 3));
        }
        assertEquals(List.of(), reported);
    }
}
