package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ResourceLimits;

/**
 * The parts of the kernel's protection against a full heap that need no full heap: which threads
 * are essential, and what the user reads when a cell is stopped. The behaviour itself is tested
 * through a real kernel (test_reliability.py).
 */
class KernelSafetyNetTest {
    // Executor workers are replaced when they die; "proclab-shell-reader" is the reader of a process named "shell".
    @Test
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
        String reason = HeapGuard.reason(900L << 20, 1000L << 20);
        assertEquals("OutOfMemoryError: after a garbage collection the kernel's memory was still 90 % full (900 of"
                + " 1000 MB), so the kernel stopped this cell before it ran out. What a variable refers to stays in"
                + " memory: set a large one to null (bigList = null;), or restart the kernel.", reason);
    }

    // Without a limit the old generation may fill its own maximum; under MEM_LIMIT=1 GiB the heap counts as
    // 256 MiB, and the old generation (here two thirds of a 4 GiB heap) as two thirds of that.
    @Test
    void underAMemoryLimitTheGuardCountsTheHeapAsAQuarterOfIt() {
        long gib = 1L << 30;
        assertEquals(3 * gib, HeapGuard.oldGenerationMax(3 * gib, 4 * gib, Optional.empty()));
        assertEquals(192L << 20, HeapGuard.oldGenerationMax(3 * gib, 4 * gib, memLimit(gib, false)));
        // a limit whose quarter is more than the heap changes nothing
        assertEquals(3 * gib, HeapGuard.oldGenerationMax(3 * gib, 4 * gib, memLimit(32 * gib, false)));
    }

    // Under a hub the Jupyter server keeps 128 MiB of MEM_LIMIT=1 GiB: the heap counts as a quarter of the
    // kernel's 896 MiB, 224 MiB, and the old generation as two thirds of that.
    @Test
    void underAHubTheGuardTakesItsQuarterOfTheKernelsShareOnly() {
        long gib = 1L << 30;
        assertEquals(168L << 20, HeapGuard.oldGenerationMax(3 * gib, 4 * gib, memLimit(gib, true)));
    }

    private static Optional<ResourceLimits.MemoryLimit> memLimit(long bytes, boolean sharedWithServer) {
        return Optional.of(new ResourceLimits.MemoryLimit(bytes, ResourceLimits.MEM_LIMIT, sharedWithServer));
    }
}
