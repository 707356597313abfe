package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.display.DisplayChannel;
import org.proclab.mp.MpContext;
import org.proclab.mp.ProgressReporter;

/** {@code proclab run}: a runner borrows the JVM's streams, displays and progress for its session, and gives them back. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TerminalRunnerTest {
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final PrintStream terminalOut = new PrintStream(terminal, true, StandardCharsets.UTF_8);

    // While it runs, the cells' prints reach the terminal through the runner's own System.out; once closed,
    // System.out, System.err and the display channel are those from before, so what the program prints after
    // a notebook (proclab check's report) is not routed to a session that is over.
    @Test
    void closingGivesBackTheStandardStreamsAndTheDisplayChannel() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        DisplayChannel displays = DisplayChannel.current();
        try (TerminalRunner runner = runner()) {
            assertNotSame(out, System.out);
            assertEquals(new TerminalRunner.Outcome(1, 0, false),
                    runner.run(notebook("System.out.println(\"from a cell\");"), TerminalRunner.Mode.ALL));
        }
        assertSame(out, System.out);
        assertSame(err, System.err);
        assertSame(displays, DisplayChannel.current());
        assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("\nfrom a cell\n"), terminal::toString);
    }

    // A pool's long map in a cell prints one text bar when it is over; after the runner closes, pools report nowhere.
    @Test
    void poolsReportTheirProgressToTheRunnerWhileItIsOpen() throws IOException {
        try (TerminalRunner runner = runner()) {
            runner.run(notebook("""
                    try (var pool = new Pool(2)) {
                        pool.map(x -> x, java.util.stream.IntStream.range(0, 2000).boxed().toList(), 100);
                    }"""), TerminalRunner.Mode.ALL);
        }
        assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("Pool(2): [" + "#".repeat(30) + "] 100% · 2,000 / 2,000 items"),
                terminal::toString);
        assertSame(ProgressReporter.NONE, MpContext.defaultContext().progress());
    }

    private TerminalRunner runner() {
        return new TerminalRunner(terminalOut, terminalOut, new BufferedReader(new StringReader("")), false);
    }

    private static Notebook notebook(String code) {
        return new Notebook("test.ipynb", List.of(new Notebook.Cell("code", code, List.of())));
    }
}
