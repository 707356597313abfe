package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Children compile later than a default JVM (decision 043), and options given for children still
 * come last and win.
 */
class ChildJitTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private static String compileThresholdScaling() {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("CompileThresholdScaling").getValue();
    }

    @Test
    void childCompilesAfterThreeTimesTheDefaultThresholds() throws InterruptedException {
        try (Pool pool = MpContext.get(StartMethod.SPAWN).pool(1)) {
            assertEquals(3.0, Double.parseDouble(pool.apply(() -> compileThresholdScaling())));
        }
    }

    @Test
    void childOptionsOverrideTheThresholds() throws InterruptedException {
        MpContext context = MpContext.get(StartMethod.SPAWN)
                .withSettings(settings -> settings.withJvmOptions(List.of("-XX:CompileThresholdScaling=1")));
        try (Pool pool = context.pool(1)) {
            assertEquals(1.0, Double.parseDouble(pool.apply(() -> compileThresholdScaling())));
        }
    }
}
