package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.proclab.display.DisplayChannel;
import org.proclab.engine.Session;
import org.proclab.engine.exec.CellThreadGroup;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.OutputRouter;
import org.proclab.engine.io.RoutedDisplays;
import org.proclab.engine.io.StreamName;
import org.proclab.engine.jshell.CellError;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.JavaEvaluator;
import org.proclab.mp.ProgressReporter;

/**
 * A notebook as the kernel runs it, for tests of magics: a real {@link Session} (JShell in this JVM,
 * real child processes), set up as {@code proclab run} sets it up, whose cells' output a test reads
 * back. While it is open, {@code System.out} and {@code System.err} route to the running cell; closing
 * it puts them back. Test classes share one through {@link NotebookTest}.
 */
final class TestNotebook implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-notebook-output");
        thread.setDaemon(true);
        return thread;
    });
    private final Session session;
    private int executionCount;

    /** One run cell: how it ended, what it printed and what it displayed, in order. */
    record Cell(Evaluation evaluation, String stdout, String stderr, List<Map<String, String>> displays) {
        /** The cell's value as text; fails the test if the cell failed. */
        String shown() {
            return assertInstanceOf(Evaluation.Completed.class, evaluation,
                    () -> "the cell failed: " + evaluation + "\nstderr: " + stderr).shown();
        }

        /** The cell's error; fails the test if the cell did not fail. */
        CellError error() {
            return assertInstanceOf(Evaluation.Failed.class, evaluation, () -> "the cell did not fail: " + evaluation).error();
        }

        /** The message of the usage error the cell ended with, after checking it is one and gives the usage. */
        String usageError(String usage) {
            CellError error = error();
            assertEquals("MagicUsageError", error.name(), error::toString);
            assertEquals(List.of("MagicUsageError: " + error.message(), "usage: " + usage), error.traceback());
            return error.message();
        }
    }

    TestNotebook() {
        OutputRouter router = new OutputRouter(CellThreadGroup::outputOf, originalErr);
        router.install();
        DisplayChannel.install(new RoutedDisplays(router, originalErr));
        session = new Session(new JavaEvaluator(), router, ProgressReporter.NONE);
    }

    /** Runs one cell to its end, as the kernel does. */
    Cell run(String code) {
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        List<Map<String, String>> displays = new ArrayList<>();
        CellOutput output = new CellOutput((stream, text) -> {
            synchronized (displays) {
                (stream == StreamName.STDOUT ? stdout : stderr).append(text);
            }
        }, (bundle, displayId, update) -> {
            synchronized (displays) {
                displays.add(bundle);
            }
        }, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        Evaluation evaluation = session.run(code, ++executionCount, output, Session.CellHooks.NONE);
        synchronized (displays) {
            return new Cell(evaluation, stdout.toString(), stderr.toString(), List.copyOf(displays));
        }
    }

    /** Runs a cell that must succeed and returns it. */
    Cell ok(String code) {
        Cell cell = run(code);
        cell.shown();
        return cell;
    }

    /** The magic of this notebook called {@code name}, of the given kind. */
    Magic magic(String name, boolean cellMagic) {
        return session.magics().find(name, cellMagic).orElseThrow();
    }

    @Override
    public void close() {
        session.close();
        timer.shutdownNow();
        DisplayChannel.install(null);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
