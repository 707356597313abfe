package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A child maps the class-data archives where they were written instead of relocating them, and
 * options given for children still win (decision 048).
 */
class ChildClassDataTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private static String archiveRelocationMode() {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("ArchiveRelocationMode").getValue();
    }

    @Test
    void childMapsTheArchivesWithoutRelocating() throws InterruptedException {
        try (Pool pool = MpContext.get(StartMethod.SPAWN).pool(1)) {
            assertEquals("0", pool.apply(() -> archiveRelocationMode()));
        }
    }

    @Test
    void childOptionsOverrideTheRelocationMode() throws InterruptedException {
        MpContext context = MpContext.get(StartMethod.SPAWN)
                .withSettings(settings -> settings.withJvmOptions(List.of("-XX:ArchiveRelocationMode=1")));
        try (Pool pool = context.pool(1)) {
            assertEquals("1", pool.apply(() -> archiveRelocationMode()));
        }
    }
}
