package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.Reservoir;

class WarmStartTest {

    @BeforeAll
    static void warm() {
        Process.setStartMethod(StartMethod.WARM);
    }

    @AfterAll
    static void cold() throws InterruptedException {
        Process.setStartMethod(StartMethod.SPAWN);
        Reservoir.shared().drain();
        MpTesting.killLeftoverChildren();
    }

    // Choosing WARM fills the reservoir with waiting JVMs in the background.
    @Test
    void reservoirFillsUp() throws InterruptedException {
        assertTrue(MpTesting.waitUntil(() -> Reservoir.shared().readyCount() > 0, MpTesting.LONG));
    }

    // A process taken from the reservoir gets its own name, runs its task, prints, and exits with its code.
    @Test
    void warmProcessRunsItsTask() throws InterruptedException {
        MpTesting.waitUntil(() -> Reservoir.shared().readyCount() > 0, MpTesting.LONG);
        Process process;
        String printed;
        try (MpTesting.Captured captured = new MpTesting.Captured()) {
            process = new Process(() -> {
                System.out.println("warm " + Process.current().name());
                System.exit(5);
            });
            process.start();
            process.join();
            printed = captured.out();
        }
        assertEquals("warm " + process.name() + "\n", printed);
        assertEquals(5, process.exitCode());
    }

    // A pool started WARM maps like any pool, in input order.
    @Test
    void warmPoolMaps() throws InterruptedException {
        try (Pool pool = new Pool(2, StartMethod.WARM)) {
            assertEquals(List.of(1, 4, 9), pool.map(x -> x * x, List.of(1, 2, 3)));
        }
    }
}
