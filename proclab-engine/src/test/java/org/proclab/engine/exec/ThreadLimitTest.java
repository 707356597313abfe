package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ResourceLimits;

class ThreadLimitTest {
    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;
    private static final ResourceLimits NONE = new ResourceLimits(Optional.empty(), OptionalDouble.empty());

    private static ResourceLimits memory(long bytes) {
        return underHub(bytes, false);
    }

    private static ResourceLimits underHub(long bytes, boolean sharedWithServer) {
        return new ResourceLimits(Optional.of(new ResourceLimits.MemoryLimit(bytes, ResourceLimits.MEM_LIMIT,
                sharedWithServer)), OptionalDouble.empty());
    }

    // A quarter of the memory at 128 KiB a thread: 1 GiB gives 256 MiB, 2,048 threads.
    @Test
    void aQuarterOfTheMemoryLimitAt128KiBAThread() {
        assertEquals(2048, ThreadLimit.of(memory(GIB), 64 * GIB).threads());
        assertEquals(1335, ThreadLimit.of(memory(700_000_000), 64 * GIB).threads());
        assertEquals(4096, ThreadLimit.of(memory(2 * GIB), 64 * GIB).threads());
    }

    // Under a hub the Jupyter server keeps 128 MiB of the limit: 1 GiB leaves the kernel 896 MiB, a quarter of
    // which is 1,792 threads, and the error says so.
    @Test
    void underAHubTheThreadsTakeAQuarterOfTheKernelsShareOnly() {
        ThreadLimit limit = ThreadLimit.of(underHub(GIB, true), 64 * GIB);
        assertEquals(1792, limit.threads());
        assertTrue(limit.reason().contains("limit of 1,792 live threads (a quarter of its 896 MiB share of the memory"
                + " limit of 1.0 GiB (MEM_LIMIT), which the Jupyter server shares, at 128 KiB a thread)"), limit.reason());
    }

    // A tiny limit still lets a cell start a few hundred threads; a large one stops at 8,192.
    @Test
    void theLimitStaysBetween256And8192Threads() {
        assertEquals(256, ThreadLimit.of(memory(100 * MIB), 64 * GIB).threads());
        assertEquals(8192, ThreadLimit.of(memory(16 * GIB), 64 * GIB).threads());
    }

    // Without a memory limit the machine's memory counts the same way.
    @Test
    void withoutALimitTheMachinesMemoryCounts() {
        assertEquals(4096, ThreadLimit.of(NONE, 2 * GIB).threads());
        assertEquals(8192, ThreadLimit.of(NONE, 24 * GIB).threads());
    }

    // The error names the number, where it comes from, and what to do instead.
    @Test
    void theReasonNamesTheLimitAndItsSource() {
        String reason = ThreadLimit.of(memory(GIB), 64 * GIB).reason();
        assertTrue(reason.startsWith("ThreadLimitError: "), reason);
        assertTrue(reason.contains("limit of 2,048 live threads (a quarter of its memory limit of 1.0 GiB (MEM_LIMIT),"
                + " at 128 KiB a thread)"), reason);
        assertTrue(reason.contains("Executors.newFixedThreadPool(4)"), reason);
        assertTrue(ThreadLimit.of(NONE, 24 * GIB).reason().contains("the machine's 24.0 GiB of memory"));
    }
}
