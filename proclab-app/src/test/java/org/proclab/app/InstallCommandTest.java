package org.proclab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arguments; the harness installs through {@code ./proclab install --prefix} for the rest. */
class InstallCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpShowsTheThreePlaces() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(text(out).contains("[--user | --sys-prefix | --prefix DIR]"), text(out));
    }

    @Test
    void anUnknownOptionIsAnErrorOfUse() throws Exception {
        assertEquals(2, run("--global"));
        assertTrue(text(err).contains("unknown option --global"), text(err));
    }

    @Test
    void prefixNeedsADirectory() throws Exception {
        assertEquals(2, run("--prefix"));
        assertTrue(text(err).contains("--prefix needs a directory"), text(err));
    }

    @Test
    void theCourseUrlIsAWebAddress() throws Exception {
        assertEquals(2, run("--course-url", "notebooks/00-start-here.ipynb"));
        assertTrue(text(err).contains("--course-url needs an http or https address"), text(err));
    }

    private int run(String... args) throws Exception {
        return InstallCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
