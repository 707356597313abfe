package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.magic.GeneratedJava.assertKeyLines;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java that %%spawn writes: its documented shape, and, run in a real notebook session, that it
 * starts as many processes as -n says, named as --name says, joined unless --no-join.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpawnMagicTest extends NotebookTest {
    private static final String SHOW_JAVA = "// the Java this cell runs:\n";

    // Joined, the Java is a block: make N processes with the body, start them all, then join them all and
    // show the summary; with a name and N > 1 each is named NAME-1, NAME-2, ...
    @Test
    void joinedJavaStartsAllThenJoinsAll() {
        String java = SpawnMagic.java("int n = 1;\nSystem.out.println(n);", 3, "worker", true);
        assertTrue(java.startsWith("{\n") && java.endsWith("\n}\n"), java);
        assertKeyLines(java,
                "List<Process> spawned = new ArrayList<>();",
                "for (int i = 0; i < 3; i++) {",
                "spawned.add(new Process(() -> {",
                "int n = 1;",
                "System.out.println(n);",
                "}, \"worker-\" + (i + 1)));",
                "for (Process process : spawned) {",
                "process.start();",
                "for (Process process : spawned) {",
                "process.join();",
                "org.proclab.display.Display.display(org.proclab.magic.ProcessSummary.of(spawned));");
    }

    // With --no-join the processes are started and left in the notebook variable `spawned`; one named
    // process takes the name as it is, and without --name the processes keep their default names.
    @Test
    void unjoinedJavaLeavesTheProcessesInAVariable() {
        String named = SpawnMagic.java("work();", 1, "solo", false);
        assertTrue(named.startsWith("List<Process> spawned = new ArrayList<>();\n"), named);
        assertKeyLines(named, "for (int i = 0; i < 1; i++) {", "work();", "}, \"solo\"));", "process.start();");
        assertFalse(named.contains("join()") || named.contains("ProcessSummary"), named);
        assertKeyLines(SpawnMagic.java("work();", 2, null, false), "work();", "}));");
    }

    // -n 3 --name greeter: three processes, each its own JVM named greeter-1..3, all ended when the
    // cell ends; the summary has a row for each with its exit code and the lines it printed.
    @Test
    void startsNamedProcessesAndJoinsThem() {
        TestNotebook.Cell cell = notebook.ok("%%spawn -n 3 --name greeter\n"
                + "System.out.println(\"hello from \" + Process.current().name() + \" \" + ProcessHandle.current().pid());");
        assertNull(cell.shown());
        List<String[]> hellos = cell.stdout().lines().filter(line -> line.startsWith("hello from "))
                .map(line -> line.substring("hello from ".length()).split(" ")).toList();
        assertEquals(Set.of("greeter-1", "greeter-2", "greeter-3"), new TreeSet<>(hellos.stream().map(hello -> hello[0]).toList()));
        Set<String> pids = new TreeSet<>(hellos.stream().map(hello -> hello[1]).toList());
        assertEquals(3, pids.size(), "three JVMs: " + pids);
        assertFalse(pids.contains(Long.toString(ProcessHandle.current().pid())), "none is the kernel");

        List<List<String>> rows = summaryRows(cell);
        assertEquals(List.of("greeter-1", "greeter-2", "greeter-3"), rows.stream().map(row -> row.get(0)).sorted().toList());
        for (List<String> row : rows) {
            assertTrue(pids.contains(row.get(1)), row::toString);
            assertEquals("0", row.get(2), row::toString);
            assertEquals("1", row.get(4), row::toString);
        }
    }

    // By default one process runs, with its default name; the summary shows how it ended.
    @Test
    void oneUnnamedProcessByDefault() {
        TestNotebook.Cell cell = notebook.ok("%%spawn\nSystem.out.println(\"named \" + Process.current().name());\nSystem.exit(3);");
        List<String> named = cell.stdout().lines().filter(line -> line.startsWith("named ")).toList();
        assertEquals(1, named.size(), cell.stdout());
        assertTrue(named.get(0).matches("named Process-\\d+"), named.get(0));
        List<List<String>> rows = summaryRows(cell);
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(List.of(named.get(0).substring("named ".length()), "3"), List.of(rows.get(0).get(0), rows.get(0).get(2)));
    }

    // --no-join: the cell shows no summary, and the processes wait in `spawned` for a later cell to join them.
    @Test
    void noJoinLeavesTheProcessesToALaterCell() {
        TestNotebook.Cell cell = notebook.ok("%%spawn -n 2 --name later --no-join\nSystem.out.println(\"ran\");");
        assertEquals(List.of(), cell.displays());
        assertEquals("[later-1 0, later-2 0]", notebook.ok("for (Process process : spawned) {\n    process.join();\n}\n"
                + "spawned.stream().map(process -> process.name() + \" \" + process.exitCode()).toList()").shown()
                .replace("\"", ""));
    }

    // --show-java prints the Java before running it: the very Java that runs, one process named as given.
    @Test
    void showJavaPrintsTheJavaThatRuns() {
        String body = "System.out.println(\"shown by \" + Process.current().name());";
        TestNotebook.Cell cell = notebook.ok("%%spawn --show-java --name solo\n" + body);
        String java = SpawnMagic.java(body, 1, "solo", true);
        assertTrue(cell.stdout().startsWith(SHOW_JAVA + java + "\n"), cell.stdout());
        assertTrue(cell.stdout().contains("\nshown by solo\n"), cell.stdout());
    }

    /** The summary's rows as text (name, pid, exit code, time, lines printed), after checking there is one summary. */
    private static List<List<String>> summaryRows(TestNotebook.Cell cell) {
        assertEquals(1, cell.displays().size(), cell.displays()::toString);
        Map<String, String> summary = cell.displays().get(0);
        assertTrue(summary.containsKey("text/html"), summary::toString);
        List<String> lines = summary.get("text/plain").lines().toList();
        assertTrue(lines.get(0).startsWith("process"), lines.get(0));
        return lines.stream().skip(1).map(line -> List.of(line.strip().split(" {2,}"))).toList();
    }
}
