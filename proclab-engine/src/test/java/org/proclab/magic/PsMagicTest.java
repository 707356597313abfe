package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.spawn.CpuTime;

/**
 * The CPU column of {@code %ps} for finished processes, in a real notebook session: what a child
 * measured as it ended, or, marked {@code ≥}, the last figure known before a signal or a
 * {@code System.exit} ended it. Each child spins until its own thread has used 200 ms of CPU, so the
 * process has used at least that much; the tests ask for at least 100 ms (the figure's steps are 10 ms).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PsMagicTest extends NotebookTest {
    /** Spins until the calling thread has used 200 ms of CPU. */
    private static final String SPIN = "var cpuClock = java.lang.management.ManagementFactory.getThreadMXBean();\n"
            + "    long spins = 0;\n"
            + "    while (cpuClock.getCurrentThreadCpuTime() < 200_000_000L) spins++;\n";
    /** The CPU column at the end of a row of {@code %ps}'s text: "1,234 ms", or "≥ 1,234 ms". */
    private static final Pattern CPU = Pattern.compile("(≥ )?([\\d,]+) ms$");

    // A child whose task returns reports the CPU time it used as it ends: %ps shows it as it is.
    @Test
    void aChildThatEndsShowsTheCpuItUsed() {
        notebook.ok("var spinner = new Process(() -> {\n    " + SPIN + "}, \"cpu-spinner\");\nspinner.start();\nspinner.join();");
        Matcher cpu = cpuOf("cpu-spinner");
        assertEquals(null, cpu.group(1), cpu.group());
        assertTrue(millis(cpu) >= 100, cpu.group());
    }

    // A child ended by terminate() shows the CPU time its parent read just before the signal, marked as
    // a lower bound; so does one whose task called System.exit, with the figure it read as it began to exit.
    @Test
    void aChildEndedBySignalOrSystemExitShowsALowerBound() {
        notebook.ok("var spun = new Event();\nvar endless = new Process(() -> {\n    " + SPIN
                + "    spun.set();\n    while (true) spins++;\n}, \"cpu-endless\");\n"
                + "endless.start();\nspun.await();\nendless.terminate();\nendless.join();");
        Matcher terminated = cpuOf("cpu-endless");
        assertEquals("≥ ", terminated.group(1), terminated.group());
        assertTrue(millis(terminated) >= 100, terminated.group());

        notebook.ok("var leaver = new Process(() -> {\n    " + SPIN + "    System.exit(3);\n}, \"cpu-leaver\");\n"
                + "leaver.start();\nleaver.join();");
        Matcher exited = cpuOf("cpu-leaver");
        assertEquals("≥ ", exited.group(1), exited.group());
        assertTrue(millis(exited) >= 100, exited.group());
    }

    // A child that started a child of its own shows its CPU time too, and so does its child, whose end
    // reached the notebook through it.
    @Test
    void aChildThatStartedAChildShowsItsCpu() {
        notebook.ok("var nesting = new Process(() -> {\n    var nested = new Process(() -> {\n    " + SPIN
                + "    }, \"cpu-nested\");\n    nested.start();\n    nested.join();\n    " + SPIN + "}, \"cpu-nesting\");\n"
                + "nesting.start();\nnesting.join();");
        assertTrue(millis(cpuOf("cpu-nesting")) >= 100);
        assertTrue(millis(cpuOf("└\u00a0cpu-nested")) >= 100);
    }

    // The column's words: a complete figure as it is, a lower bound after "≥ ", nothing when unknown.
    @Test
    void cpuTimesInWords() {
        assertEquals("1,230 ms", PsMagic.cpu(new CpuTime(1_230_000_000L, true)));
        assertEquals("≥ 40 ms", PsMagic.cpu(new CpuTime(40_000_000L, false)));
        assertEquals("", PsMagic.cpu((CpuTime) null));
    }

    /** The CPU column of the row of {@code %ps} for the process called {@code name}. */
    private static Matcher cpuOf(String name) {
        String table = notebook.ok("%ps").displays().get(0).get("text/plain");
        String row = table.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + table)).strip();
        assertTrue(row.contains(" exited "), row);
        Matcher cpu = CPU.matcher(row);
        assertTrue(cpu.find(), row);
        return cpu;
    }

    private static long millis(Matcher cpu) {
        return Long.parseLong(cpu.group(2).replace(",", ""));
    }
}
