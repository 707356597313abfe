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
    /** Longer than a child waits for its task's shutdown hooks before it closes its pipes to the parent. */
    private static final long HOOK_MILLIS = 1_000;

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

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    // What the child prints just before System.exit arrives whole, on both streams, and the exit code is the child's.
    @Test
    void outputPrintedJustBeforeSystemExitArrives() throws InterruptedException {
        Process process = new Process(() -> {
            for (int i = 1; i <= 50; i++) {
                System.out.println("line " + i);
            }
            System.err.println("last words on stderr");
            System.out.print("tail without a line break");
            System.exit(3);
        });
        Captured captured = runCaptured(process);
        assertEquals(50, captured.outLines("line ").size(), captured.out());
        assertTrue(captured.out().endsWith("line 50\ntail without a line break"), captured.out());
        assertTrue(captured.err().contains("last words on stderr\n"), captured.err());
        assertEquals(3, process.exitCode());
    }

    // A shutdown hook of the task runs to its end after System.exit, even when it outlasts the child's wait
    // for its task's hooks, and what it prints arrives; the exit code stays the child's.
    @Test
    void shutdownHookRunsAfterSystemExitAndItsOutputArrives() throws InterruptedException {
        Process process = new Process(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("hook started");
                sleepQuietly(HOOK_MILLIS);
                System.out.println("hook done");
            }));
            System.exit(5);
        });
        Captured captured = runCaptured(process);
        assertTrue(captured.out().contains("hook started\nhook done\n"), captured.out() + captured.err());
        assertEquals(5, process.exitCode());
    }

    // A task that returns after registering a shutdown hook: the hook still runs to its end and what it
    // prints arrives before join() returns (a child announces its end early only when nothing is left to run).
    @Test
    void shutdownHookOfATaskThatReturnedRunsAndItsOutputArrives() throws InterruptedException {
        Process process = new Process(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sleepQuietly(HOOK_MILLIS);
                System.out.println("hook done");
            }));
            System.out.println("task done");
        });
        Captured captured = runCaptured(process);
        assertTrue(captured.out().contains("task done\nhook done\n"), captured.out() + captured.err());
        assertEquals(0, process.exitCode());
    }

    // A pool worker whose task registered a shutdown hook: leaving the pool waits for the hook, and what it
    // prints arrives before close() returns (a worker whose tasks made no thread ends without waiting).
    @Test
    void shutdownHookOfAPoolTaskRunsWhenThePoolClosesAndItsOutputArrives() throws InterruptedException {
        try (Captured captured = new Captured()) {
            try (Pool pool = new Pool(1)) {
                assertEquals(1, pool.apply(() -> {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        sleepQuietly(HOOK_MILLIS);
                        System.out.println("hook done");
                    }));
                    return 1;
                }));
                assertEquals(2, pool.apply(() -> 2));
            }
            assertTrue(captured.out().contains("hook done\n"), captured.out() + captured.err());
        }
    }

    // A shutdown hook of the task runs to its end after terminate(), and what it prints arrives; the exit code is -15.
    @Test
    void shutdownHookRunsAfterTerminateAndItsOutputArrives() throws InterruptedException {
        Process process = new Process(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("hook started");
                sleepQuietly(HOOK_MILLIS);
                System.out.println("hook done");
            }));
            System.out.println("hook registered");
            Thread.sleep(60_000);
        });
        started.add(process);
        try (Captured captured = new Captured()) {
            process.start();
            assertTrue(MpTesting.waitUntil(() -> captured.out().contains("hook registered\n"), LONG), captured.out());
            process.terminate();
            process.join();
            assertTrue(captured.out().contains("hook started\nhook done\n"), captured.out() + captured.err());
        }
        assertEquals(-15, process.exitCode());
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
