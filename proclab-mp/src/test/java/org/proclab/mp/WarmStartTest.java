package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.Reservoir;

class WarmStartTest {

    private static StartMethod before;

    @BeforeAll
    static void warm() {
        before = Process.startMethod();
        Process.setStartMethod(StartMethod.WARM);
    }

    @AfterAll
    static void restore() throws InterruptedException {
        Process.setStartMethod(before);
        reservoir().drain();
        MpTesting.killLeftoverChildren();
    }

    // WARM is the default start method, as forkserver is Python's on Linux.
    @Test
    void warmIsTheDefault() {
        assertEquals(StartMethod.WARM, before);
    }

    // Choosing WARM fills the reservoir with waiting JVMs in the background.
    @Test
    void reservoirFillsUp() throws InterruptedException {
        assertTrue(MpTesting.waitUntil(() -> reservoir().readyCount() > 0, MpTesting.LONG));
    }

    // A process taken from the reservoir gets its own name, runs its task, prints, and exits with its code.
    @Test
    void warmProcessRunsItsTask() throws InterruptedException {
        MpTesting.waitUntil(() -> reservoir().readyCount() > 0, MpTesting.LONG);
        Process process = new Process(() -> {
            System.out.println("warm " + Process.current().name());
            System.exit(5);
        });
        String printed = MpTesting.stdoutOf(process);
        assertEquals("warm " + process.name() + "\n", printed);
        assertEquals(5, process.exitCode());
    }

    // A child's processes start fresh by default: a child that starts processes keeps no JVMs waiting of its own.
    @Test
    void childrenStartTheirOwnProcessesWithSpawn() throws Exception {
        try (Pool pool = new Pool(1)) {
            assertEquals(StartMethod.SPAWN, pool.apply(() -> Process.startMethod()));
        }
    }

    // A burst of starts larger than the reservoir teaches it the demand: it then keeps that many JVMs ready.
    @Test
    void reservoirLearnsTheLargestBurst() throws InterruptedException {
        int burst = MpContext.defaultContext().settings().reservoirSize() + 2;
        List<Process> loop = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            loop.add(new Process(() -> { }).start());
        }
        for (Process process : loop) {
            process.join();
            assertEquals(0, process.exitCode());
        }
        assertTrue(reservoir().target() >= burst, "target " + reservoir().target());
        assertTrue(MpTesting.waitUntil(() -> reservoir().readyCount() >= burst, MpTesting.LONG),
                "ready: " + reservoir().readyCount());
    }

    // Waiting JVMs give way to a working child, as many as its lower limit needs: with two or more waiting
    // and maxLiveChildren(1), a fresh (SPAWN) child still starts and runs.
    @Test
    void waitingJvmsGiveWayToAStartUnderALowerLimit() throws InterruptedException {
        reservoir().keepReady(2);
        assertTrue(MpTesting.waitUntil(() -> reservoir().readyCount() >= 2, MpTesting.LONG), "ready: " + reservoir().readyCount());
        MpContext one = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withMaxLiveChildren(1));
        Process child = one.process(() -> { }).start();
        child.join(MpTesting.LONG);
        assertEquals(0, child.exitCode());
    }

    // A burst as large as the limit of live children leaves a quarter of it free of waiting JVMs: a child
    // cannot make its parent's waiting JVMs give way, and its own process must still start.
    @Test
    void aReservoirFullOfDemandLeavesRoomForGrandchildren() throws InterruptedException {
        int limit = MpContext.defaultContext().settings().maxLiveChildren();
        List<Process> loop = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            loop.add(new Process(() -> { }).start());
        }
        for (Process process : loop) {
            process.join();
        }
        assertEquals(limit - limit / 4, reservoir().target());
        assertTrue(MpTesting.waitUntil(() -> reservoir().readyCount() >= reservoir().target(), MpTesting.LONG),
                "ready: " + reservoir().readyCount());
        Process elder = new Process(() -> {
            Process inner = new Process(() -> System.out.println("inner ran"));
            inner.start();
            inner.join();
            System.exit(inner.exitCode());
        });
        assertEquals("inner ran\n", MpTesting.stdoutOf(elder));
        assertEquals(0, elder.exitCode());
    }

    // A pool started WARM maps like any pool, in input order.
    @Test
    void warmPoolMaps() throws InterruptedException {
        try (Pool pool = new Pool(2, StartMethod.WARM)) {
            assertEquals(List.of(1, 4, 9), pool.map(x -> x * x, List.of(1, 2, 3)));
        }
    }

    private static Reservoir reservoir() {
        return MpContext.defaultContext().reservoir();
    }
}
