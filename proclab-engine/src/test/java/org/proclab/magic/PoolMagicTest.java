package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.magic.GeneratedJava.assertKeyLines;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * The Java that %%pool writes: its documented shape, and, run in a real notebook session, that a pool
 * of N workers maps the body over the items in chunks of the size asked, the results in input order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolMagicTest extends NotebookTest {
    private static final String WORKER = "SpawnPoolWorker-";

    // A range a..b (negative ends and spaces allowed) becomes the list of its numbers; anything else is Java as written.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1..10 | IntStream.rangeClosed(1, 10).boxed().toList()",
        "' -3 .. 3 ' | IntStream.rangeClosed(-3, 3).boxed().toList()",
        "List.of(1, 2) | List.of(1, 2)",
        "1..n | 1..n",
    })
    void itemsOfARange(String over, String java) {
        assertEquals(java, PoolMagic.items(over));
    }

    // An expression body: a pool of N in try-with-resources, a map recording each item's worker, with the
    // chunk size only when one was given; then the breakdown and the values as the cell's value.
    @Test
    void expressionBodyIsMappedOnAPool() {
        String java = PoolMagic.java("x * x", 4, "ITEMS", 3);
        assertKeyLines(java,
                "List<org.proclab.magic.WorkerResult> pooled;",
                "try (var pool = new Pool(4)) {",
                "pooled = pool.map(x -> org.proclab.magic.WorkerResult.of(x, () -> (x * x)),",
                "ITEMS, 3);",
                "}",
                "org.proclab.magic.WorkerResult.printBreakdown(pooled);",
                "org.proclab.magic.WorkerResult.valuesOf(pooled)");
        assertTrue(java.endsWith("org.proclab.magic.WorkerResult.valuesOf(pooled)\n"), "the values are the final expression");
        assertKeyLines(PoolMagic.java("x * x", 4, "ITEMS", 0), "ITEMS);");
    }

    // Statements (a body with a semicolon) become a block that returns the value.
    @Test
    void statementBodyIsABlock() {
        assertKeyLines(PoolMagic.java("int y = x + 1;\nreturn y * y;", 2, "ITEMS", 0),
                "pooled = pool.map(x -> org.proclab.magic.WorkerResult.of(x, () -> {",
                "int y = x + 1;",
                "return y * y;",
                "}),",
                "ITEMS);");
    }

    // One expression ending in a semicolon, as a Java statement would, is still that expression.
    @Test
    void expressionEndingInASemicolonIsTheExpression() {
        assertKeyLines(PoolMagic.java("x * x;", 2, "ITEMS", 0),
                "pooled = pool.map(x -> org.proclab.magic.WorkerResult.of(x, () -> (x * x)),");
        assertKeyLines(PoolMagic.java("return x * x;", 2, "ITEMS", 0),
                "pooled = pool.map(x -> org.proclab.magic.WorkerResult.of(x, () -> {",
                "return x * x;");
    }

    // %%pool 3 --over 1..7 --chunksize 2: three workers start, four chunks run ({1,2} {3,4} {5,6} {7}),
    // each on one worker, and the values come back in input order after a line per worker.
    @Test
    void mapsInChunksOnNWorkers() {
        long before = System.nanoTime();
        TestNotebook.Cell cell = notebook.ok("%%pool 3 --over 1..7 --chunksize 2\nx * x");
        assertEquals("[1, 4, 9, 16, 25, 36, 49]", cell.shown());
        List<ProcessEvents.Event> events = ProcessEvents.since(before);
        assertEquals(3, events.stream().filter(event -> event.kind() == ProcessEvents.Kind.STARTED
                && event.process().startsWith(WORKER)).count(), events::toString);
        assertEquals(4, tasks(events), events::toString);

        Map<Integer, String> workerOf = breakdown(cell.stdout());
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), workerOf.keySet());
        assertTrue(new TreeSet<>(workerOf.values()).size() <= 3, workerOf::toString);
        for (int first = 1; first <= 5; first += 2) {
            assertEquals(workerOf.get(first), workerOf.get(first + 1), "items " + first + " and " + (first + 1) + " are one chunk");
        }
    }

    // --over takes any Iterable, spaces included, up to the next option.
    @Test
    void overTakesAJavaExpression() {
        long before = System.nanoTime();
        TestNotebook.Cell cell = notebook.ok("%%pool 2 --over List.of(\"a\", \"bb\", \"ccc\") --chunksize 1\nx.length()");
        assertEquals("[1, 2, 3]", cell.shown());
        assertEquals(3, tasks(ProcessEvents.since(before)));
    }

    // A statement body returns each value; the records stay in the notebook variable `pooled`.
    @Test
    void statementsReturnTheValue() {
        TestNotebook.Cell cell = notebook.ok("%%pool 2 --over -1..2\nint tenfold = x * 10;\nreturn tenfold + 1;");
        assertEquals("[-9, 1, 11, 21]", cell.shown());
        assertEquals("[-1, 0, 1, 2]", notebook.ok("pooled.stream().map(result -> result.item()).toList()").shown());
    }

    // --show-java prints the Java before running it: the very Java that runs.
    @Test
    void showJavaPrintsTheJavaThatRuns() {
        TestNotebook.Cell cell = notebook.ok("%%pool 2 --show-java --over 1..3\nx + 1");
        String java = PoolMagic.java("x + 1", 2, PoolMagic.items("1..3"), 0);
        assertTrue(cell.stdout().startsWith("// the Java this cell runs:\n" + java + "\n"), cell.stdout());
        assertEquals("[2, 3, 4]", cell.shown());
        assertFalse(java.contains("rangeClosed(1, 3).boxed().toList(), "), "no chunk size unless asked: " + java);
    }

    private static long tasks(List<ProcessEvents.Event> events) {
        return events.stream().filter(event -> event.kind() == ProcessEvents.Kind.TASK && event.process().startsWith(WORKER))
                .count();
    }

    /** The breakdown's lines ("SpawnPoolWorker-2: 3, 4") as item to worker. */
    private static Map<Integer, String> breakdown(String stdout) {
        Map<Integer, String> workerOf = new HashMap<>();
        List<String> lines = stdout.lines().toList();
        assertFalse(lines.isEmpty(), "no breakdown");
        for (String line : lines) {
            String[] parts = line.split(": ", 2);
            assertTrue(parts[0].startsWith(WORKER), line);
            for (String item : parts[1].split(", ")) {
                assertNull(workerOf.put(Integer.valueOf(item), parts[0]), "item " + item + " twice");
            }
        }
        return workerOf;
    }
}
