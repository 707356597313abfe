package org.proclab.course;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.proclab.display.DisplayChannel;
import org.proclab.engine.Session;
import org.proclab.engine.exec.CellThreadGroup;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.OutputRouter;
import org.proclab.engine.io.RoutedDisplays;
import org.proclab.engine.io.StreamName;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.CellImports;
import org.proclab.engine.jshell.JavaEvaluator;
import org.proclab.mp.ProgressReporter;
import org.proclab.render.ProgressText;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a notebook in a terminal on the same engine as the kernel (JShell in this JVM, real child
 * processes), for people who have no Jupyter: text cells are printed, code cells are printed and
 * run, and their output, values and errors appear below them.
 *
 * <p>{@link Mode#STEP} waits for Enter before each code cell (like pressing Shift+Enter) and goes
 * on after an error, {@link Mode#ALL} runs everything and stops at the first error (like "Run All"), and
 * {@link Mode#CHECK} runs everything, goes on after errors and reports the exercises' checks.
 */
public final class TerminalRunner implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final String RULE = "─".repeat(60);

    /** How to go through the notebook. */
    public enum Mode { STEP, ALL, CHECK }

    /** What happened: how many code cells ran and failed, and whether the user quit early. */
    public record Outcome(int cellsRun, int cellsFailed, boolean quit) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader keys;
    private final boolean colour;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proclab-run-output");
        thread.setDaemon(true);
        return thread;
    });
    private final Session session;
    private final PrintStream systemOut = System.out;
    private final PrintStream systemErr = System.err;
    private final DisplayChannel displays = DisplayChannel.current();
    private final SignalHandler ctrlC;
    private int executionCount;

    /**
     * Takes over {@code System.out} and {@code System.err} (cells' output is routed through them),
     * the JVM's display channel (displays go to the running cell as text) and Ctrl+C, and starts
     * JShell; {@link #close()} gives them back.
     *
     * @param keys where answers to the step-by-step prompt come from
     * @param colour whether the terminal shows ANSI colours
     */
    public TerminalRunner(PrintStream out, PrintStream err, BufferedReader keys, boolean colour) {
        this.out = out;
        this.err = err;
        this.keys = keys;
        this.colour = colour;
        OutputRouter router = new OutputRouter(CellThreadGroup::outputOf, err);
        router.install();
        DisplayChannel.install(new RoutedDisplays(router, err));
        this.session = new Session(new JavaEvaluator(CellImports.with(Check.class)), router, this::finalProgressLine);
        ctrlC = Signal.handle(new Signal("INT"), signal -> interruptOrQuit());
    }

    /** Goes through the notebook's cells in order. */
    public Outcome run(Notebook notebook, Mode mode) throws IOException {
        int run = 0;
        int failed = 0;
        Check.notebookStarted();
        out.println(RULE);
        out.println(notebook.name());
        out.println(RULE);
        for (Notebook.Cell cell : notebook.cells()) {
            if (!cell.isCode()) {
                out.println();
                out.println(cell.source().strip());
                continue;
            }
            if (cell.source().isBlank()) {
                continue;
            }
            executionCount++;
            out.println();
            out.println("In [" + executionCount + "]:");
            cell.source().strip().lines().forEach(line -> out.println("    " + line));
            if (mode == Mode.STEP && !confirm()) {
                return new Outcome(run, failed, true);
            }
            run++;
            if (!runCell(cell.source())) {
                failed++;
                if (mode == Mode.ALL) {
                    return new Outcome(run, failed, false);
                }
            }
        }
        out.println();
        return new Outcome(run, failed, false);
    }

    /**
     * Ends the session's children and JShell, and gives back what the runner took over: the JVM's
     * {@code System.out}, {@code System.err}, display channel and Ctrl+C are again those it found.
     */
    @Override
    public void close() {
        try {
            session.close();
            timer.shutdownNow();
        } finally {
            Signal.handle(new Signal("INT"), ctrlC);
            DisplayChannel.install(displays);
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
    }

    /** In a terminal a pool's progress is one text bar, printed when the map is over. */
    private ProgressReporter.Bar finalProgressLine(String what, int total) {
        return new ProgressReporter.Bar() {
            @Override
            public void update(int done) {
                // a terminal gets one line, at the end, rather than a stream of redrawn bars
            }

            @Override
            public void finish(int done, Duration took) {
                out.println(ProgressText.bundle(what, done, total, took).get("text/plain"));
            }
        };
    }

    /** Ctrl+C stops the running cell and the processes it started, as the stop button does; else it quits. */
    private void interruptOrQuit() {
        if (session.isCellRunning()) {
            session.interrupt(null);
        } else {
            session.killChildren();
            Runtime.getRuntime().halt(130);
        }
    }

    private boolean runCell(String code) {
        CellOutput output = new CellOutput((stream, text) -> (stream == StreamName.STDERR ? err : out).print(text),
                timer, CellOutput.DEFAULT_LIMIT_BYTES);
        Evaluation evaluation = session.run(code, executionCount, output, Session.CellHooks.NONE);
        out.flush();
        err.flush();
        if (evaluation instanceof Evaluation.Failed failure) {
            failure.error().traceback().forEach(line -> err.println(colour ? line : ANSI.matcher(line).replaceAll("")));
            return false;
        }
        String shown = ((Evaluation.Completed) evaluation).shown();
        if (shown != null) {
            out.println("Out[" + executionCount + "]:" + (shown.contains("\n") ? "\n" : " ") + shown.stripTrailing());
        }
        return true;
    }

    private boolean confirm() throws IOException {
        out.print("  [Enter] run this cell · [q] quit > ");
        out.flush();
        String answer = keys.readLine();
        return answer != null && !answer.strip().equalsIgnoreCase("q");
    }
}
