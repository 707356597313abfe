package org.proclab.course;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code proclab run} and {@code proclab check}: the course in a terminal.
 *
 * <ul>
 *   <li>{@code run [--step] NOTEBOOK} runs a lesson in the terminal, printing each cell and its
 *   outputs; with {@code --step} it pauses for Enter before each cell ({@code --all}, the default,
 *   runs them all).</li>
 *   <li>{@code check NOTEBOOK...} runs exercise notebooks top to bottom and reports their checks;
 *       the exit status is 0 only when every cell ran and every check passed.</li>
 * </ul>
 */
public final class CourseMain {
    public static final String RUN_USAGE = "usage: proclab run [--step] NOTEBOOK.ipynb";
    public static final String CHECK_USAGE = "usage: proclab check NOTEBOOK.ipynb...";

    private CourseMain() {
    }

    /** {@code proclab run}; returns the exit status. */
    public static int run(List<String> args) throws IOException {
        boolean step = args.contains("--step");
        List<String> files = args.stream().filter(arg -> !arg.equals("--step") && !arg.equals("--all")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            System.err.println(RUN_USAGE);
            return 2;
        }
        Notebook notebook = Notebook.read(Path.of(files.get(0)));
        PrintStream out = System.out;
        boolean interactive = step && System.console() != null;
        try (TerminalRunner runner = new TerminalRunner(out, System.err, keys(), colourTerminal())) {
            TerminalRunner.Outcome outcome = runner.run(notebook,
                    interactive ? TerminalRunner.Mode.STEP : TerminalRunner.Mode.ALL);
            return outcome.cellsFailed() == 0 ? 0 : 1;
        }
    }

    /** {@code proclab check}; returns the exit status. */
    public static int check(List<String> args) throws IOException {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            System.err.println(CHECK_USAGE);
            return 2;
        }
        List<Notebook> notebooks = new ArrayList<>();
        for (String file : args) {
            notebooks.add(Notebook.read(Path.of(file)));
        }
        // each runner routes System.out and System.err to its cells: the next one writes to the terminal's
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> report = new ArrayList<>();
        boolean allGood = true;
        for (Notebook notebook : notebooks) {
            int passedBefore = Check.passed();
            int failedBefore = Check.failed();
            TerminalRunner.Outcome outcome;
            try (TerminalRunner runner = new TerminalRunner(out, err, keys(), colourTerminal())) {
                outcome = runner.run(notebook, TerminalRunner.Mode.CHECK);
            }
            int passed = Check.passed() - passedBefore;
            int failed = Check.failed() - failedBefore;
            int otherErrors = outcome.cellsFailed() - failed;
            allGood &= failed == 0 && otherErrors == 0;
            report.add(notebook.name() + ": " + passed + " check(s) passed, " + failed + " failed"
                    + (otherErrors > 0 ? ", " + otherErrors + " other cell(s) failed" : ""));
        }
        out.println("Checks:");
        report.forEach(line -> out.println("  " + line));
        return allGood ? 0 : 1;
    }

    private static BufferedReader keys() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    private static boolean colourTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb");
    }
}
