package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.MpTesting.Captured;

/**
 * A child's stdout and stderr reach the parent's System.out and System.err, line by line, in
 * order and intact; an uncaught exception is reported Python-style. Each test captures the
 * parent's streams; join() returns only once all of the child's output has arrived.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessOutputTest {
    private static final String UNICODE = "Grüße, naïve café — ∑ λx → 日本語 😀";

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killStarted() throws InterruptedException {
        for (Process process : started) {
            if (process.pid() != null) {
                process.kill();
                process.join(LONG);
            }
        }
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    /** Starts the process with the parent's streams captured and joins it; returns the capture (closed). */
    private Captured runCaptured(Process process) throws InterruptedException {
        started.add(process);
        try (Captured captured = new Captured()) {
            process.start();
            process.join();
            return captured;
        }
    }

    // Several lines printed by the child all appear on the parent's System.out, in order, and a final partial line too.
    @Test
    void stdoutLinesArriveAllAndInOrder() throws InterruptedException {
        Process process = new Process(() -> {
            for (int i = 1; i <= 50; i++) {
                System.out.println("line " + i);
            }
            System.out.print("tail without a line break");
        });
        Captured captured = runCaptured(process);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            expected.add("line " + i);
        }
        assertEquals(expected, captured.outLines("line "));
        assertTrue(captured.out().endsWith("line 50\ntail without a line break"), captured.out());
        assertFalse(captured.err().contains("line "), captured.err());
        assertEquals(0, process.exitCode());
    }

    // What the child prints on System.err goes to the parent's System.err, not to System.out.
    @Test
    void stderrGoesToTheParentsStderr() throws InterruptedException {
        Process process = new Process(() -> {
            System.err.println("to stderr 1");
            System.out.println("to stdout");
            System.err.println("to stderr 2");
        });
        Captured captured = runCaptured(process);
        assertTrue(captured.err().contains("to stderr 1\n"), captured.err());
        assertTrue(captured.err().indexOf("to stderr 1") < captured.err().indexOf("to stderr 2"), captured.err());
        assertFalse(captured.err().contains("to stdout"), captured.err());
        assertTrue(captured.out().contains("to stdout\n"), captured.out());
        assertFalse(captured.out().contains("to stderr"), captured.out());
    }

    // A UTF-8 line with non-ASCII characters (accents, symbols, CJK, an emoji) arrives intact.
    @Test
    void utf8LineArrivesIntact() throws InterruptedException {
        Process process = new Process(() -> {
            System.out.println(UNICODE);
            System.err.println("err: " + UNICODE);
        });
        Captured captured = runCaptured(process);
        assertTrue(captured.out().contains(UNICODE + "\n"), captured.out());
        assertTrue(captured.err().contains("err: " + UNICODE + "\n"), captured.err());
    }

    // An uncaught exception prints "Process <name>:" and the exception's type and message to the parent's stderr.
    @Test
    void uncaughtExceptionIsReportedOnTheParentsStderr() throws InterruptedException {
        Process process = new Process(() -> {
            throw new IllegalStateException("boom in child");
        });
        Captured captured = runCaptured(process);
        String err = captured.err();
        assertTrue(err.contains("Process " + process.name() + ":\n"), err);
        assertTrue(err.contains("java.lang.IllegalStateException: boom in child"), err);
        assertTrue(err.indexOf("Process " + process.name() + ":") < err.indexOf("java.lang.IllegalStateException"), err);
        assertFalse(captured.out().contains("IllegalStateException"), captured.out());
        assertEquals(1, process.exitCode());
    }
}
