package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code proclab check}: notebooks run one after the other in one JVM, each in a session of its own. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CourseMainTest {
    private static final String CHILD_AND_CHECK = """
            Process child = new Process(() -> System.out.println("child ran"));
            child.start();
            child.join();
            Check.equal("the child's exit code", 0, child.exitCode());""";

    @TempDir
    Path folder;

    // The second notebook starts processes as the first did, and its failing check is reported with
    // the terminal's stderr, not the first notebook's closed output.
    @Test
    void checksNotebooksOneAfterAnother() throws IOException {
        Path first = notebook("first.ipynb", CHILD_AND_CHECK);
        Path second = notebook("second.ipynb", CHILD_AND_CHECK, "Check.equal(\"a wrong answer\", 1, 2);");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = CourseMain.check(List.of(first.toString(), second.toString()));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed + errors);
        assertTrue(printed.endsWith("Checks:\n  " + first + ": 1 check(s) passed, 0 failed\n  "
                + second + ": 1 check(s) passed, 1 failed\n"), printed + errors);
        assertEquals(2, printed.lines().filter(line -> line.equals("child ran")).count(), printed);
        assertTrue(errors.contains("✗ a wrong answer: expected 1 but got 2"), errors);
    }

    /** A notebook file with a markdown cell, then one code cell for each source. */
    private Path notebook(String name, String... sources) throws IOException {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(Map.of("cell_type", "markdown", "metadata", Map.of(), "source", List.of("# " + name)));
        for (String source : sources) {
            cells.add(Map.of("cell_type", "code", "metadata", Map.of(), "outputs", List.of(), "source", source));
        }
        Path file = folder.resolve(name);
        new ObjectMapper().writeValue(file.toFile(), Map.of("nbformat", 4, "nbformat_minor", 5, "metadata", Map.of(), "cells", cells));
        return file;
    }
}
