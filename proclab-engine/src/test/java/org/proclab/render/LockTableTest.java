package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.Barrier;
import org.proclab.mp.Lock;
import org.proclab.mp.LockSurvey;
import org.proclab.mp.Process;

/** The %locks table and its deadlock lines, from real locks and real child JVMs. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LockTableTest {
    // A held lock is a row named after its variable, with its holder; once released and unnamed, it is not shown.
    @Test
    void aHeldLockIsARowAndAFreeUnnamedOneIsNot() throws InterruptedException {
        Lock lock = new Lock();
        String holder = "MainProcess (pid " + ProcessHandle.current().pid() + ", thread " + Thread.currentThread().getName() + ")";
        try (Lock.Held held = lock.hold()) {
            Map<String, String> bundle = LockTable.now(Map.of("guard", lock)).bundle(false);
            assertTrue(bundle.get("text/plain").lines().anyMatch(line -> line.equals("guard (Lock): locked by " + holder)),
                    bundle.get("text/plain"));
            assertTrue(bundle.get("text/html").contains("<td>guard</td>"), bundle.get("text/html"));
        }
        Map<String, String> named = LockTable.now(Map.of("guard", lock)).bundle(false);
        assertTrue(named.get("text/plain").lines().anyMatch(line -> line.equals("guard (Lock): free")), named.get("text/plain"));
        String unnamed = LockTable.now(Map.of()).bundle(false).get("text/plain");
        assertFalse(unnamed.contains(LockSurvey.idOf(lock)), unnamed);
        assertTrue(LockTable.now(Map.of()).bundle(true).get("text/plain").contains(LockSurvey.idOf(lock)));
    }

    // Two processes holding one lock each and waiting for the other's: the table ends with the cycle in words.
    @Test
    void aDeadlockIsToldBelowTheTable() throws InterruptedException {
        Lock left = new Lock();
        Lock right = new Lock();
        Barrier bothHoldOne = new Barrier(2);
        Process first = new Process(() -> takeBoth(left, right, bothHoldOne)).start();
        Process second = new Process(() -> takeBoth(right, left, bothHoldOne)).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (LockTable.now(Map.of()).deadlockSentences().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Map<String, String> bundle = LockTable.now(Map.of("left", left, "right", right)).bundle(false);
            String plain = bundle.get("text/plain");
            assertTrue(plain.contains("Deadlock: ") && plain.contains("holds left and waits for right")
                    && plain.contains("holds right and waits for left"), plain);
            assertTrue(bundle.get("text/html").contains("<b>Deadlock:</b>"), bundle.get("text/html"));
            String graph = bundle.get("image/svg+xml");
            assertTrue(graph.startsWith("<svg ") && graph.contains(">left</text>") && graph.contains(">right</text>")
                    && graph.contains(">" + first.name() + "</text>") && graph.contains(">waits for</text>")
                    && graph.contains(">held by</text>"), graph);
        } finally {
            first.kill();
            second.kill();
            first.join();
            second.join();
        }
    }

    private static void takeBoth(Lock first, Lock second, Barrier bothHoldOne) throws Exception {
        first.acquire();
        bothHoldOne.await();
        second.acquire();
    }
}
