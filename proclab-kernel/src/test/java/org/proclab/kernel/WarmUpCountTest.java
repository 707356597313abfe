package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.proclab.engine.jshell.CompilerWarmUp;

class WarmUpCountTest {
    // Unset, the warm-up runs in full without limits and not at all under a memory limit.
    @Test
    void unsetMeansTheDefaultWithoutLimitsAndNoneUnderAMemoryLimit() {
        assertEquals(CompilerWarmUp.DEFAULT_SNIPPETS, WarmUpCount.of(null, false));
        assertEquals(0, WarmUpCount.of(null, true));
        assertEquals(0, WarmUpCount.of(" ", true));
    }

    // A number the user set wins either way; a negative one turns the warm-up off.
    @Test
    void aSetNumberWins() {
        assertEquals(300, WarmUpCount.of("300", true));
        assertEquals(0, WarmUpCount.of("0", false));
        assertEquals(0, WarmUpCount.of("-5", false));
    }

    // Garbage counts as unset.
    @Test
    void garbageCountsAsUnset() {
        assertEquals(CompilerWarmUp.DEFAULT_SNIPPETS, WarmUpCount.of("lots", false));
        assertEquals(0, WarmUpCount.of("lots", true));
    }
}
