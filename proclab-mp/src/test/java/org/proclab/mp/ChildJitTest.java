package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.Reservoir;

/**
 * A child started for work compiles later than a default JVM, a child that waits in the reservoir
 * does not, and options given for children come last and win (decision 047).
 */
class ChildJitTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        Reservoir.drainAll();
        MpTesting.assertNoChildLeft();
    }

    private static double compileThresholdScaling() {
        return Double.parseDouble(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("CompileThresholdScaling").getValue());
    }

    @Test
    void childStartedForWorkCompilesAfterThreeTimesTheDefaultThresholds() throws InterruptedException {
        try (Pool pool = MpContext.get(StartMethod.SPAWN).pool(1)) {
            assertEquals(3.0, pool.apply(() -> compileThresholdScaling()));
        }
    }

    @Test
    void childOptionsOverrideTheThresholds() throws InterruptedException {
        MpContext context = MpContext.get(StartMethod.SPAWN)
                .withSettings(settings -> settings.withJvmOptions(List.of("-XX:CompileThresholdScaling=2")));
        try (Pool pool = context.pool(1)) {
            assertEquals(2.0, pool.apply(() -> compileThresholdScaling()));
        }
    }

    // A waiting JVM warms up before its first task: it keeps the default thresholds, so that the
    // warm-up leaves compiled code behind.
    @Test
    void waitingChildCompilesAtTheDefaultThresholds() throws InterruptedException {
        MpContext warm = MpContext.get(StartMethod.WARM).withSettings(settings -> settings.withHeap("97m"));
        try {
            MpTesting.assertFinishedCleanly(warm.process(() -> { }).start());
            Reservoir reservoir = warm.reservoir();
            assertTrue(MpTesting.waitUntil(() -> reservoir.readyCount() > 0, LONG), "nothing waits for the context");
            Set<Long> waiting = reservoir.waitingPids();
            try (Pool pool = warm.pool(1)) {
                long pid = pool.apply(() -> ProcessHandle.current().pid());
                assertTrue(waiting.contains(pid), "the worker " + pid + " did not come from the reservoir " + waiting);
                assertEquals(1.0, pool.apply(() -> compileThresholdScaling()));
            }
        } finally {
            warm.reservoir().drain();
        }
    }
}
