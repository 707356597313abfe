package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelJvmOptionsTest {
    @Test
    void theKernelRunsWithTheSerialCollectorSafepointsInLoopsASmallHeapAndUtf8() throws Exception {
        List<String> options = KernelJvmOptions.forThisJava();
        assertTrue(options.containsAll(List.of("-XX:+UseSerialGC", "-XX:+UseCountedLoopSafepoints",
                "-XX:LoopStripMiningIter=1000", "-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8")), options.toString());
    }

    /** The JDKs from 17.0.9 and 21 on have the option (decision 004); older ones are not asked about here. */
    @Test
    void theNativeHeapIsTrimmedOnTheJdksThatHaveTheOption() throws Exception {
        Runtime.Version version = Runtime.version();
        assumeTrue(version.feature() >= 21 || version.feature() == 17 && version.update() >= 9, version::toString);
        assertTrue(KernelJvmOptions.forThisJava().contains("-XX:TrimNativeHeapInterval=5000"));
    }

    @Test
    void aJavaAcceptsTheOptionsItKnowsAndNoOthers() throws Exception {
        assertTrue(KernelJvmOptions.accepts(KernelJvmOptions.thisJava(), "-XX:+UseSerialGC"));
        assertFalse(KernelJvmOptions.accepts(KernelJvmOptions.thisJava(), "-XX:+NoSuchOptionForProcLab"));
    }
}
