package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every render (%ps, %%spawn's summary, timelines, explanations) writes durations this one way. */
class DurationsTest {
    // Whole milliseconds, thousands separated with a comma whatever the machine's locale.
    @Test
    void wholeMillisecondsWithThousandsSeparated() {
        assertEquals("0 ms", Durations.millis(999_999));
        assertEquals("42 ms", Durations.millis(42_000_000));
        assertEquals("1,234 ms", Durations.millis(1_234_567_890L));
    }
}
