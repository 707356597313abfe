package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChildNameTest {
    // In the main process children are numbered 1, 2, 3, ...; a custom name takes a number too, as in Python.
    @Test
    void childrenOfTheMainProcessAreNumberedFromOne() {
        ChildName first = ChildName.next("Process");
        ChildName named = ChildName.named("worker");
        ChildName worker = ChildName.next("SpawnPoolWorker");

        assertTrue(first.identity().matches("\\d+"), first.identity());
        assertEquals("Process-" + first.identity(), first.name());
        int n = Integer.parseInt(first.identity());
        assertEquals(new ChildName("worker", Integer.toString(n + 1)), named);
        assertEquals(new ChildName("SpawnPoolWorker-" + (n + 2), Integer.toString(n + 2)), worker);
    }

    // In a child, its own children are numbered below its identity: Process-2:N.
    @Test
    void childrenOfAChildAreNumberedBelowIt() {
        CurrentProcess.become(new ChildName("Process-2", "2"), ChildRole.PROCESS);
        try {
            ChildName grandchild = ChildName.next("Process");
            assertTrue(grandchild.identity().matches("2:\\d+"), grandchild.identity());
            assertEquals("Process-" + grandchild.identity(), grandchild.name());
        } finally {
            CurrentProcess.become(new ChildName("MainProcess", ""), null);
        }
    }
}
