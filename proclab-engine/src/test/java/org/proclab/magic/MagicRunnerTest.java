package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.proclab.engine.classpath.UserClassPath;
import org.proclab.engine.jshell.CellJava;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.NotebookVariable;
import org.proclab.engine.jshell.CellError;

/** The magic runner with a recording stand-in for Java evaluation (the kernel tests run the real one). */
class MagicRunnerTest {
    private final UserClassPath classPath = new UserClassPath(entry -> { }, entry -> { });
    private final MagicRunner runner = new MagicRunner(MagicRegistry.standard(), () -> classPath);
    private final List<String> evaluated = new ArrayList<>();
    private final StringBuilder printed = new StringBuilder();

    private Evaluation run(String cell) {
        return runner.run(cell, new CellJava() {
            @Override
            public Evaluation evaluate(String code) {
                evaluated.add(code.strip());
                return code.contains("fail") ? new Evaluation.Failed(new CellError("Boom", "failed", List.of("Boom")))
                        : new Evaluation.Completed("value of " + code.strip());
            }

            @Override
            public List<NotebookVariable> variables() {
                return List.of(new NotebookVariable("a", "int", 1));
            }

            @Override
            public <T> T runStoppable(Callable<T> work) throws Exception {
                return work.call();
            }
        }, MagicOutput.of(printed::append, bundle -> printed.append(bundle.get("text/plain"))));
    }

    // Java and magics run in the order of the cell; the last part's value is the cell's value.
    @Test
    void partsRunInOrder() {
        Evaluation result = run("int a = 1;\n%time a + 1\nfinalValue");
        assertEquals(List.of("int a = 1;", "a + 1", "finalValue"), evaluated);
        assertEquals(new Evaluation.Completed("value of finalValue"), result);
        assertTrue(printed.toString().startsWith("Wall time: "), printed.toString());
    }

    // %time shows the value of what it timed, and reports wall and CPU time.
    @Test
    void timeKeepsTheValue() {
        assertEquals(new Evaluation.Completed("value of 6 * 7"), run("%time 6 * 7"));
        assertTrue(printed.toString().matches("Wall time: [0-9.]+ ms · CPU: kernel [0-9.]+ ms, child processes (n/a|[0-9.]+ ms)\\n"),
                printed.toString());
    }

    // The first failure ends the cell: later parts do not run.
    @Test
    void failureStopsTheCell() {
        Evaluation result = run("fail here;\n%lsmagic\nnever");
        assertInstanceOf(Evaluation.Failed.class, result);
        assertEquals(List.of("fail here;"), evaluated);
        assertEquals("", printed.toString());
    }

    // `%name?` and `%%name?` explain a magic, as %help does, and run nothing.
    @Test
    void questionMarkExplainsAMagic() {
        run("%timeline?");
        assertTrue(printed.toString().startsWith("%timeline [--last | --all]"), printed.toString());
        printed.setLength(0);
        run("%%spawn?\nSystem.out.println(1);");
        assertTrue(printed.toString().startsWith("%%spawn [-n N]"), printed.toString());
        assertEquals(List.of(), evaluated);
    }

    // An unknown magic is an error with a "did you mean", never a stack trace.
    @Test
    void unknownMagicSuggestsTheClosestName() {
        CellError error = ((Evaluation.Failed) run("%tiem 1 + 1")).error();
        assertEquals("UnknownMagic", error.name());
        assertTrue(error.message().contains("Did you mean %time?"), error.message());
        CellError cellError = ((Evaluation.Failed) run("%%tme\n1")).error();
        assertTrue(cellError.message().contains("Did you mean %%time?"), cellError.message());
    }

    // Wrong arguments give the magic's usage.
    @Test
    void badArgumentsShowTheUsage() {
        CellError error = ((Evaluation.Failed) run("%help")).error();
        assertEquals("MagicUsageError", error.name());
        assertTrue(String.join("\n", error.traceback()).contains("usage: %help NAME"), error.traceback().toString());
        assertEquals("MagicUsageError", ((Evaluation.Failed) run("%lsmagic now")).error().name());
    }

    // %%spawn writes the Java a student would write with Process, and runs it; --show-java prints it first.
    @Test
    void spawnRunsPlainJavaAndCanShowIt() {
        run("%%spawn -n 2 --name worker --show-java\nSystem.out.println(\"hi\");");
        String java = evaluated.get(0);
        assertTrue(java.contains("new Process(() -> {") && java.contains("\"worker-\" + (i + 1)")
                && java.contains("System.out.println(\"hi\");") && java.contains("process.join();"), java);
        assertTrue(printed.toString().startsWith("// the Java this cell runs:"), printed.toString());
        assertEquals("MagicUsageError", ((Evaluation.Failed) run("%%spawn -n zero\nint a;")).error().name());
    }

    // %%pool maps the body over a range with a Pool and returns the values; without --over it explains itself.
    @Test
    void poolMapsTheBodyOverTheItems() {
        run("%%pool 3 --over 1..5 --chunksize 2\nx * x");
        String java = evaluated.get(0);
        assertTrue(java.contains("new Pool(3)") && java.contains("IntStream.rangeClosed(1, 5).boxed().toList(), 2")
                && java.contains("() -> (x * x)") && java.contains("WorkerResult.valuesOf(pooled)"), java);
        CellError missing = ((Evaluation.Failed) run("%%pool 3\nx * x")).error();
        assertTrue(missing.message().contains("--over is missing"), missing.message());
    }

    // %lsmagic lists line and cell magics; %help explains one.
    @Test
    void lsmagicAndHelpDescribeTheMagics() {
        run("%lsmagic");
        assertTrue(printed.toString().contains("Line magics: %classpath  %help  %load  %locks  %lsmagic  %maven  %mavenRepo  %ps  %time  %timeline  %vars"), printed.toString());
        assertTrue(printed.toString().contains("Cell magics: %%pool  %%spawn  %%time"), printed.toString());
        printed.setLength(0);
        run("%help %%time");
        assertTrue(printed.toString().startsWith("%%time   (on the first line"), printed.toString());
    }
}
