package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.MemoryBudget;
import org.proclab.mp.spawn.ResourceLimits;

class PoolMemoryLimitTest {
    // Under a memory limit that leaves room for 4 children, Pool(16) fails at once saying the limit and what fits.
    @Test
    void aPoolLargerThanTheMemoryLimitAllowsIsRefusedWithTheNumbers() {
        MemoryBudget oneGib = new MemoryBudget(new ResourceLimits.MemoryLimit(1L << 30, "MEM_LIMIT", false));
        MpContext limited = MpContext.get(StartMethod.SPAWN).withSettings(s -> new ChildSettings(s.javaCommand(),
                "142m", 4, 2, s.jvmOptions(), s.classPath(), s.classSource(), oneGib));
        ProcessStartException e = assertThrows(ProcessStartException.class, () -> limited.pool(16));
        assertEquals("Pool(16) needs 16 child JVMs, but this kernel's memory limit of 1.0 GiB (MEM_LIMIT) leaves"
                + " room for 4 child JVMs (each ~206 MiB: a heap of up to 142 MiB and ~64 MiB beside it; the kernel"
                + " ~200 MiB): use Pool(4) or fewer.", e.getMessage());
    }
}
