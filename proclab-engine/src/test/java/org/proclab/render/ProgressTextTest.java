package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress bar as text and HTML. */
class ProgressTextTest {
    // Half done: half the text bar is filled, and both forms say the percentage, the counts and the time.
    @Test
    void halfDone() {
        Map<String, String> bar = ProgressText.bundle("Pool(4)", 5000, 10000, Duration.ofMillis(1500));
        assertEquals("Pool(4): [###############---------------] 50% · 5,000 / 10,000 items · 1.5 s", bar.get("text/plain"));
        assertTrue(bar.get("text/html").contains("<progress value=\"5000\" max=\"10000\""), bar.get("text/html"));
    }
}
