package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrintedLinesTest {
    // The event log keeps a printed line whole up to KEPT_LINE_CHARS and cuts a longer one there, marking the cut.
    @Test
    void theLogKeepsTheStartOfLongLines() {
        long since = System.nanoTime();
        String exact = "y".repeat(ProcessEvents.KEPT_LINE_CHARS);
        ProcessEvents.printed("Process-test", 1, "stdout", "short line");
        ProcessEvents.printed("Process-test", 1, "stdout", exact);
        ProcessEvents.printed("Process-test", 1, "stdout", "x".repeat(100_000));

        List<String> kept = ProcessEvents.since(since).stream()
                .filter(event -> event.process().equals("Process-test")).map(ProcessEvents.Event::detail).toList();
        assertEquals(List.of("short line", exact, "x".repeat(ProcessEvents.KEPT_LINE_CHARS) + "…"), kept);
    }
}
