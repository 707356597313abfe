package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryUsage;
import org.junit.jupiter.api.Test;

/**
 * The parts of the kernel's protection against a full heap that need no full heap: which threads
 * are essential, and what the user reads when a cell is stopped. The behaviour itself is tested
 * through a real kernel (test_reliability.py).
 */
class KernelSafetyNetTest {
    @Test
    // Executor workers are replaced when they die; "proclab-shell-reader" is the reader of a process named "shell".
    void theKernelsSocketAndZeroMqThreadsAreEssential() {
        for (String name : new String[] {"proclab-shell", "proclab-control", "proclab-iopub", "proclab-stdin",
            "proclab-heartbeat", "iothread-2", "reaper-1"}) {
            assertTrue(EssentialThreadDeath.isEssential(new Thread(() -> { }, name)), name);
        }
        for (String name : new String[] {"proclab-shell-worker", "proclab-control-worker", "proclab-Process-3-stdout",
            "proclab-shm-sweep", "Thread-0", "main", "proclab-shell-reader", "proclab-iopub-stdout"}) {
            assertFalse(EssentialThreadDeath.isEssential(new Thread(() -> { }, name)), name);
        }
    }

    @Test
    void theReasonNamesTheErrorAndSaysHowFullAndWhatToDo() {
        String reason = HeapGuard.reason(new MemoryUsage(0, 900L << 20, 1000L << 20, 1000L << 20));
        assertEquals("OutOfMemoryError: after a garbage collection the kernel's memory was still 90 % full (900 of"
                + " 1000 MB), so the kernel stopped this cell before it ran out. What a variable refers to stays in"
                + " memory: set a large one to null (bigList = null;), or restart the kernel.", reason);
    }
}
