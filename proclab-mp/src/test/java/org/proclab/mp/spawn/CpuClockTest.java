package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a process's CPU time from {@code /proc}, and carrying it in a frame's payload. */
class CpuClockTest {
    // utime (14th field) plus stime (15th), counted after the command's name, which may hold spaces and
    // parentheses of its own.
    @Test
    void ticksAreUtimePlusStime() {
        byte[] stat = "4242 (java (odd) name) S 1 4242 4242 0 -1 4194304 100 0 0 0 123 45 6 7 20 0 1 0 99\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(168, CpuClock.ticks(stat, stat.length));
        byte[] cut = "4242 (java) S 1 4242".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, CpuClock.ticks(cut, cut.length));
        assertEquals(-1, CpuClock.ticks(new byte[0], 0));
    }

    // This JVM's own figure is at least the CPU time its threads have used (less one tick of rounding);
    // a process that does not exist has none.
    @Test
    void readsThisProcessesCpuTime() {
        long threads = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long own = CpuClock.ownNanos();
        assertTrue(own >= threads - CpuClock.NANOS_PER_TICK, own + " < " + threads);
        assertTrue(CpuClock.nanosOf(ProcessHandle.current().pid()) >= own);
        assertEquals(-1, CpuClock.nanosOf(Long.MAX_VALUE));
    }

    // The figure travels as 8 bytes; a payload of another length holds none.
    @Test
    void thePayloadCarriesTheFigure() {
        long own = CpuClock.fromPayload(CpuClock.ownPayload());
        assertTrue(own > 0, Long.toString(own));
        assertEquals(-1, CpuClock.fromPayload(new byte[0]));
    }
}
