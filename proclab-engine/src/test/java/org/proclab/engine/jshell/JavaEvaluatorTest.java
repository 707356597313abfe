package org.proclab.engine.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.engine.exec.CellThreadGroup;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.OutputRouter;
import org.proclab.engine.io.StreamName;

/** One real JavaEvaluator (JShell in this JVM) shared by all tests; each test uses fresh names. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JavaEvaluatorTest {
    private static JavaEvaluator evaluator;
    private static ScheduledExecutorService timer;
    private static ExecutorService runner;
    private static int executionCount;

    /** The text a cell published, as the front end would receive it. */
    record Published(StreamName stream, String text) {
    }

    /** One cell's outcome and everything it published. */
    record Run(int count, Evaluation evaluation, List<Published> output) {
        String shown() {
            return assertInstanceOf(Evaluation.Completed.class, evaluation, () -> "cell failed: " + evaluation).shown();
        }

        CellError error() {
            return assertInstanceOf(Evaluation.Failed.class, evaluation, () -> "cell did not fail: " + evaluation).error();
        }

        String text(StreamName stream) {
            StringBuilder text = new StringBuilder();
            output.stream().filter(p -> p.stream() == stream).forEach(p -> text.append(p.text()));
            return text.toString();
        }
    }

    /** A cell started on another thread. */
    record Pending(int count, Future<Evaluation> future, List<Published> output, CellOutput cellOutput,
                   AtomicReference<Thread> worker) {
        Run await(long timeout, TimeUnit unit) throws Exception {
            Evaluation evaluation = future.get(timeout, unit);
            cellOutput.finish();
            return new Run(count, evaluation, output);
        }
    }

    @BeforeAll
    static void startJShell() {
        evaluator = new JavaEvaluator();
        timer = Executors.newSingleThreadScheduledExecutor();
        runner = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "evaluator-test-runner");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void closeJShell() {
        evaluator.interrupt();
        evaluator.close();
        timer.shutdownNow();
        runner.shutdownNow();
    }

    private static synchronized Pending start(String code) {
        int count = ++executionCount;
        List<Published> output = new ArrayList<>();
        CellOutput cellOutput = new CellOutput((stream, text) -> {
            synchronized (output) {
                output.add(new Published(stream, text));
            }
        }, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<Evaluation> future = runner.submit(() -> {
            worker.set(Thread.currentThread());
            return evaluator.evaluate(code, count, cellOutput);
        });
        return new Pending(count, future, output, cellOutput, worker);
    }

    // The variables in use are listed with JShell's type and the live object; a redeclaration replaces the
    // old variable, and hidden variables ($1, the kernel's) are left out.
    @Test
    void variablesAreListedWithTypesAndLiveValues() throws Exception {
        run("int varsCount = 3;\nString varsName = \"ada\";\nvar varsList = new ArrayList<Integer>(List.of(1, 2));");
        run("varsCount = 4;\nvarsList.add(3);\n6 * 7");
        Map<String, NotebookVariable> byName = new java.util.HashMap<>();
        evaluator.variables().forEach(variable -> byName.put(variable.name(), variable));
        assertEquals(new NotebookVariable("varsCount", "int", 4), byName.get("varsCount"));
        assertEquals(new NotebookVariable("varsName", "String", "ada"), byName.get("varsName"));
        assertEquals("ArrayList<Integer>", byName.get("varsList").type());
        assertEquals(List.of(1, 2, 3), byName.get("varsList").value());
        run("String varsCount = \"four\";");
        assertEquals(1, evaluator.variables().stream().filter(variable -> variable.name().equals("varsCount")).count());
        assertEquals(new NotebookVariable("varsCount", "String", "four"),
                evaluator.variables().stream().filter(variable -> variable.name().equals("varsCount")).findFirst().orElseThrow());
        assertTrue(evaluator.variables().stream().noneMatch(variable -> variable.name().startsWith("$")));
    }

    // Once an expression's value is shown, JShell's hidden $N variable for it is gone, so later cells do not compile against it.
    @Test
    void shownExpressionsLeaveNoHiddenVariables() throws Exception {
        long before = evaluator.shell().variables().filter(variable -> variable.name().startsWith("$")).count();
        assertEquals("42", run("6 * 7").shown());
        assertEquals("43", run("6 * 7 + 1").shown());
        assertEquals(before, evaluator.shell().variables().filter(variable -> variable.name().startsWith("$")).count());
    }

    // A final expression runs exactly once, whether it is shown through a declared variable or, being a call
    // that returns nothing, through JShell's own path after that declaration failed to compile.
    @Test
    void finalExpressionRunsOnce() throws Exception {
        run("int onceCount = 0;\nint countedValue() { return ++onceCount; }\nvoid countedVoid() { onceCount += 10; }");
        assertEquals("1", run("countedValue()").shown());
        assertNull(run("countedVoid()").shown());
        assertEquals("11", run("onceCount").shown());
    }

    // An assignment shows nothing, as before; a final expression in parentheses or one reading the variable shows its value.
    @Test
    void assignmentShowsNothing() throws Exception {
        run("int assigned = 1;");
        assertNull(run("assigned = 5").shown());
        assertEquals("6", run("(assigned = 6)").shown());
        assertEquals("7", run("assigned + 1").shown());
    }

    // A cell's own variable named like the value holder of the next cell is not overwritten by it.
    @Test
    void variableNamedLikeAValueHolderIsLeftAlone() throws Exception {
        String holder;
        synchronized (JavaEvaluatorTest.class) {
            holder = FinalExpression.VARIABLE_PREFIX + (executionCount + 2);
            run("int " + holder + " = -1;");
            assertEquals("42", run("6 * 7").shown());
        }
        assertEquals("-1", run(holder).shown());
    }

    // A cell ending in System.out.printf(...) shows what it printed, not the PrintStream that printf returns.
    @Test
    void printfAsLastExpressionShowsNoValue() throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            new OutputRouter(CellThreadGroup::outputOf, originalErr).install();
            Run run = run("System.out.printf(\"%d apples%n\", 3)");
            assertNull(run.shown());
            assertEquals("3 apples\n", run.text(StreamName.STDOUT));
            assertEquals("\"x\"", run("String.format(\"%s\", \"x\")").shown());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    // The idle compiler warm-up runs in a scratch shell: the student's shell gains no snippet, not even
    // a dropped one (JShell would keep its class and compile against it forever), and keeps its values.
    @Test
    void compilerWarmUpLeavesNoTrace() throws Exception {
        Run declared = run("int warmUpSurvivor = 5; long square(long x) { return -x; }");
        declared.shown();
        List<String> before = evaluator.shell().snippets().map(s -> s.id() + " " + s.source()).toList();
        CompilerWarmUp warmUp = new CompilerWarmUp(14, CellImports.standard());
        int steps = 0;
        while (warmUp.runNext()) {
            steps++;
        }
        assertEquals(1 + CellImports.standard().imports().size() + 14 - 1, steps);
        assertEquals(14, warmUp.compiled());
        assertFalse(warmUp.runNext());
        assertEquals(before, evaluator.shell().snippets().map(s -> s.id() + " " + s.source()).toList());
        assertEquals("5 -3", run("warmUpSurvivor + \" \" + square(3)").shown().replace("\"", ""));
        assertEquals("", declared.text(StreamName.STDOUT) + declared.text(StreamName.STDERR));
    }

    private static Run run(String code) throws Exception {
        return start(code).await(30, TimeUnit.SECONDS);
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    /** The lines without their ANSI colours, as a terminal without colours shows them. */
    private static List<String> plain(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }

    /** Starts a cell, presses stop once its code runs, and returns how the cell ended (it must within 1 s). */
    private static Run stopOnceRunning(String code) throws Exception {
        Pending pending = start(code);
        awaitUserCodeRunning(pending.count());
        evaluator.interrupt();
        return pending.await(1, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until a thread of the given cell is executing code the cell defined. */
    private static void awaitUserCodeRunning(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                CellThreadGroup cell = CellThreadGroup.of(entry.getKey());
                if (cell != null && cell.executionCount() == count) {
                    for (StackTraceElement frame : entry.getValue()) {
                        if (frame.getClassName().startsWith("REPL.")) {
                            return;
                        }
                    }
                }
            }
            Thread.onSpinWait();
        }
        fail("cell [" + count + "] never started running its code");
    }

    // A variable defined in one cell is visible in later cells, and the final expression's value is shown.
    @Test
    void stateLivesAcrossCells() throws Exception {
        assertNull(run("int stateA = 40;").shown());
        assertNull(run("int stateB = stateA + 1;").shown());
        assertEquals("42", run("stateB + 1").shown());
    }

    // Redefining a method replaces it; callers defined earlier use the new definition.
    @Test
    void methodRedefinition() throws Exception {
        run("int answer() { return 1; }");
        run("int twiceAnswer() { return 2 * answer(); }");
        assertEquals("2", run("twiceAnswer()").shown());
        run("int answer() { return 21; }");
        assertEquals("21", run("answer()").shown());
        assertEquals("42", run("twiceAnswer()").shown());
    }

    // Expression values are rendered as JShell renders them: 42, "hi" with quotes, int[2] { 1, 2 }, null.
    @Test
    void expressionValueText() throws Exception {
        assertEquals("42", run("6 * 7").shown());
        assertEquals("\"hi\"", run("\"hi\"").shown());
        assertEquals("int[2] { 1, 2 }", run("new int[] {1, 2}").shown());
        assertEquals("null", run("(String) null").shown());
        assertEquals("'c'", run("'c'").shown());
        run("String textValue = \"abc\";");
        assertEquals("\"abc\"", run("textValue").shown(), "a bare variable shows its value");
    }

    // A record declared in a cell breaks between its components when it is too long for a line, as a list does.
    @Test
    void longCellRecordBreaksBetweenComponents() throws Exception {
        run("record Series(String name, List<Integer> values) {}");
        assertEquals("Series[name=s, values=[0, 1]]", run("new Series(\"s\", List.of(0, 1))").shown());
        String shown = run("new Series(\"s\", IntStream.range(0, 40).boxed().toList())").shown();
        assertTrue(shown.startsWith("Series[name=s,\n       values=[0,\n               1,\n"), shown);
    }

    // ProcLab's synchronization primitives need no import, and Semaphore means ProcLab's, not java.util.concurrent's.
    @Test
    void synchronizationPrimitivesAreImported() throws Exception {
        assertEquals("\"<Semaphore(value=2)>\"", run("new Semaphore(2).toString()").shown());
        assertNull(run("RLock importedRLock = new RLock(); Event importedEvent = new Event();"
                + " Condition importedCondition = new Condition(); Barrier importedBarrier = new Barrier(2);").shown());
    }

    // Only the value of the cell's last snippet is shown: several snippets in one cell show the final expression.
    @Test
    void multiSnippetCellShowsLastValue() throws Exception {
        assertEquals("3", run("int multiA = 1;\nint multiB = 2;\nmultiA + multiB").shown());
        assertNull(run("multiA + multiB;\nint multiC = 3;").shown(), "a trailing declaration shows nothing");
    }

    // Declarations (variable, method, class, import) and void statements show nothing.
    @Test
    void declarationsShowNothing() throws Exception {
        assertNull(run("int declX = 5;").shown());
        assertNull(run("void declM() { }").shown());
        assertNull(run("class DeclC { }").shown());
        assertNull(run("import java.util.concurrent.atomic.AtomicInteger;").shown());
        assertNull(run("declM();").shown());
        assertNull(run("").shown(), "an empty cell");
        assertNull(run("// only a comment").shown());
    }

    // What cell code prints to System.out / System.err reaches the cell's output, in order.
    @Test
    void printedTextReachesTheCell() throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            new OutputRouter(CellThreadGroup::outputOf, originalErr).install();
            Run run = run("System.out.println(\"hello \u00e9\"); System.err.println(\"oops\"); System.out.print(\"end\");");
            assertEquals("hello \u00e9\nend", run.text(StreamName.STDOUT));
            assertEquals("oops\n", run.text(StreamName.STDERR));
            assertEquals(List.of(StreamName.STDOUT, StreamName.STDERR, StreamName.STDOUT),
                    run.output().stream().map(Published::stream).toList());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    // A value with a rich rendering (Markdown, a list of records) has its forms in the bundle; plain values keep their text only; a display id is not shown.
    @Test
    void richValuesCarryTheirBundle() throws Exception {
        Evaluation.Completed markdown = (Evaluation.Completed) run("Markdown.of(\"**rich**\")").evaluation();
        assertEquals(Map.of("text/plain", "**rich**", "text/markdown", "**rich**"), markdown.bundle());
        run("record RichRow(int id, String label) {}");
        Evaluation.Completed table = (Evaluation.Completed) run("List.of(new RichRow(1, \"a\"), new RichRow(2, \"b\"))").evaluation();
        assertEquals("id  label\n1   a\n2   b\n", table.shown());
        assertTrue(table.bundle().get("text/html").startsWith("<table>"), table.bundle().toString());
        assertEquals(Map.of("text/plain", "42"), ((Evaluation.Completed) run("6 * 7").evaluation()).bundle());
        assertNull(run("display(\"shown as a display\")").shown());
    }

    // A compile error gives ename CompilationError, the cell line, the offending code line and a caret under the error.
    @Test
    void compileErrorContent() throws Exception {
        Run run = run("int compileFail() {\n    return \"text\";\n}");
        CellError error = run.error();
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().contains("incompatible types"), error.message());
        assertTrue(error.message().contains("cell [" + run.count() + "], line 2"), error.message());
        String traceback = join(plain(error.traceback()));
        assertTrue(traceback.contains("cell [" + run.count() + "], line 2"), traceback);
        List<String> lines = plain(error.traceback());
        int codeLine = lines.indexOf("        return \"text\";");
        assertTrue(codeLine >= 0, traceback);
        String caret = lines.get(codeLine + 1);
        assertTrue(caret.matches(" *\\^"), caret);
        assertEquals(lines.get(codeLine).indexOf('"'), caret.indexOf('^'), "caret under the string literal");
    }

    // A string literal too long for a class file is refused with a short, clear error, and does not break
    // later cells (JShell itself would fail every later snippet); the quoted line is cut to a screen's width.
    @Test
    void tooLongStringLiteralDoesNotBreakTheSession() throws Exception {
        CellError error = run("String tooLong = \"" + "a".repeat(70_000) + "\";").error();
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().startsWith("constant string too long"), error.message());
        assertTrue(join(error.traceback()).length() < 1000, "the error quotes the whole literal");
        assertEquals("7", run("int afterTooLong = 7;\nafterTooLong").shown());
    }

    // A method body over 64 KB of bytecode is a compile error; the next cell runs.
    @Test
    void codeTooLargeDoesNotBreakTheSession() throws Exception {
        CellError error = run("{ int x = 0;\n" + "x += 1000;\n".repeat(12_000) + "}").error();
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().startsWith("code too large"), error.message());
        assertEquals("2", run("1 + 1").shown());
    }

    // A compile error in a later snippet of a cell names the cell line the error is on (line 4 here, after a blank line).
    @Test
    void compileErrorLineInLaterSnippet() throws Exception {
        Run run = run("int okLine = 1;\nint other = 2;\n\nint bad = \"text\";");
        CellError error = run.error();
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().contains("cell [" + run.count() + "], line 4"), error.message());
        assertTrue(plain(error.traceback()).contains("    int bad = \"text\";"), join(error.traceback()));
    }

    // A cell that is not finished (an open brace) is a CompilationError, not a hang or a crash.
    @Test
    void incompleteCellIsAnError() throws Exception {
        CellError error = run("void unfinished() {\n  int x = 1;").error();
        assertEquals("CompilationError", error.name());
        assertTrue(error.message().contains("not complete"), error.message());
    }

    // A runtime exception has the Java type as ename and a traceback naming "cell [" and the user's method, without kernel, JShell or reflection frames.
    @Test
    void runtimeExceptionTraceback() throws Exception {
        run("int divide(int a, int b) {\n    return a / b;\n}");
        Run run = run("int unused = 0;\ndivide(1, 0)");
        CellError error = run.error();
        assertEquals("ArithmeticException", error.name());
        assertEquals("/ by zero", error.message());
        String traceback = join(plain(error.traceback()));
        assertTrue(plain(error.traceback()).get(0).contains("java.lang.ArithmeticException: / by zero"), traceback);
        assertTrue(traceback.contains("divide (cell ["), traceback);
        assertTrue(traceback.contains("cell [" + run.count() + "], line 2"), traceback);
        for (String forbidden : List.of("org.proclab", "jdk.jshell", "jdk.internal.reflect", "java.lang.reflect",
                "REPL.", "$JShell$", "do_it$")) {
            assertFalse(traceback.contains(forbidden), forbidden + " in\n" + traceback);
        }
    }

    // A runtime error inside a method declared in a later snippet of a cell names the cell line of the failing statement (line 3).
    @Test
    void runtimeLineOfMethodInLaterSnippet() throws Exception {
        run("int laterUnused = 0;\nint laterDivide(int a, int b) {\n    return a / b;\n}");
        int definedIn = executionCount;
        CellError error = run("laterDivide(1, 0)").error();
        String traceback = join(plain(error.traceback()));
        assertTrue(traceback.contains("laterDivide (cell [" + definedIn + "], line 3)"), traceback);
    }

    // A runtime error inside a method declared as the first snippet of a cell names the cell line of the failing statement.
    @Test
    void runtimeLineOfMethodInFirstSnippet() throws Exception {
        run("int firstDivide(int a, int b) {\n    int unused = 0;\n    return a / b;\n}");
        int definedIn = executionCount;
        CellError error = run("firstDivide(1, 0)").error();
        String traceback = join(plain(error.traceback()));
        assertTrue(traceback.contains("firstDivide (cell [" + definedIn + "], line 3)"), traceback);
    }

    // A "Caused by" chain of a user exception is shown in the traceback.
    @Test
    void exceptionCauseIsShown() throws Exception {
        CellError error = run("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));").error();
        assertEquals("RuntimeException", error.name());
        String traceback = join(plain(error.traceback()));
        assertTrue(traceback.contains("Caused by: java.lang.IllegalStateException: inner"), traceback);
    }

    // System.exit(3) does not end the JVM: the cell fails with SystemExit and later cells work with earlier state.
    @Test
    void systemExitBecomesSystemExitError() throws Exception {
        run("int beforeExit = 11;");
        CellError error = run("System.exit(3);").error();
        assertEquals("SystemExit", error.name());
        assertTrue(error.message().contains("System.exit(3)"), error.message());
        assertEquals("12", run("beforeExit + 1").shown());
        assertEquals("SystemExit", run("Runtime.getRuntime().halt(4);").error().name());
        assertEquals("SystemExit", run("java.util.function.IntConsumer bye = System::exit; bye.accept(5);").error().name());
        assertEquals("13", run("beforeExit + 2").shown());
    }

    // Interrupting `while (true) {}` makes evaluate return an Interrupted error within 1 s, and earlier variables still work.
    @Test
    void interruptEndlessLoop() throws Exception {
        run("int survivorLoop = 7;");
        Pending pending = start("while (true) {}");
        awaitUserCodeRunning(pending.count());

        long begin = System.nanoTime();
        evaluator.interrupt();
        Run run = pending.await(1, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        assertEquals("Interrupted", run.error().name(), "after " + millis + " ms");
        assertTrue(run.error().message().contains("cell [" + run.count() + "]"), run.error().message());
        assertEquals("8", run("survivorLoop + 1").shown());
    }

    // Interrupting Thread.sleep(60_000) makes evaluate return an Interrupted error within 1 s, and earlier variables still work.
    @Test
    void interruptSleep() throws Exception {
        run("int survivorSleep = 9;");
        Run run = stopOnceRunning("Thread.sleep(60_000);");

        assertEquals("Interrupted", run.error().name());
        assertEquals("10", run("survivorSleep + 1").shown());
    }

    // Stopping a final expression that is still computing its value ends the cell once: the kernel does not run it again.
    @Test
    void interruptedFinalExpressionRunsOnce() throws Exception {
        run("int slowCalls = 0;\nint slowValue() throws InterruptedException { slowCalls++; Thread.sleep(60_000); return 1; }");
        Run run = stopOnceRunning("slowValue()");

        assertEquals("Interrupted", run.error().name());
        assertEquals("1", run("slowCalls").shown());
    }

    // A loop that catches every Throwable (including the stop) is still ended by an interrupt.
    @Test
    void interruptLoopThatCatchesEverything() throws Exception {
        assertEquals("Interrupted", stopOnceRunning("while (true) { try { while (true) { } } catch (Throwable t) { } }")
                .error().name());
        assertEquals("1", run("1").shown());
    }

    // An interrupt that arrives after the cell's first snippet ran, while JShell still compiles the second (`while (true) {}`), still stops the cell.
    @Test
    void interruptWhileNextSnippetCompilesIsNotLost() throws Exception {
        CountDownLatch firstSnippetRan = new CountDownLatch(1);
        System.getProperties().put("proclab.test.latch", firstSnippetRan);
        try {
            Pending pending = start("((java.util.concurrent.CountDownLatch) System.getProperties().get(\"proclab.test.latch\")).countDown();\n"
                    + "while (true) {}");
            assertTrue(firstSnippetRan.await(20, TimeUnit.SECONDS));
            boolean inCompiler = awaitCompiling(pending);
            evaluator.interrupt();
            Run run;
            try {
                run = pending.await(2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                evaluator.interrupt();
                pending.await(10, TimeUnit.SECONDS);
                throw new AssertionError("the interrupt sent while the second snippet compiled was lost; "
                        + "a second interrupt was needed to end the cell", e);
            }
            Assumptions.assumeTrue(inCompiler, "the interrupt did not land while the snippet compiled");
            assertEquals("Interrupted", run.error().name());
        } finally {
            System.getProperties().remove("proclab.test.latch");
        }
    }

    /** Waits until the evaluating thread is inside javac (true), or the cell's code already runs (false). */
    private static boolean awaitCompiling(Pending pending) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Thread worker = pending.worker().get();
            if (worker != null) {
                for (StackTraceElement frame : worker.getStackTrace()) {
                    if (frame.getClassName().startsWith("com.sun.tools.javac.")) {
                        return true;
                    }
                    if (frame.getClassName().startsWith("java.util.concurrent.CompletableFuture")) {
                        return false;
                    }
                }
            }
            Thread.onSpinWait();
        }
        return false;
    }

    // Endless recursion gives StackOverflowError as an ordinary error, and the evaluator keeps working.
    @Test
    void infiniteRecursionIsAnOrdinaryError() throws Exception {
        run("int r(int x) { return r(x + 1); }");
        CellError error = run("r(0)").error();
        assertEquals("StackOverflowError", error.name());
        assertTrue(plain(error.traceback()).get(0).contains("java.lang.StackOverflowError"), error.traceback().get(0));
        assertTrue(join(error.traceback()).contains("r (cell ["), "frames name the user's method");
        assertEquals("5", run("2 + 3").shown());
    }

    // Using a method whose definition refers to something undeclared is an UnresolvedReference error naming what is missing.
    @Test
    void unresolvedReference() throws Exception {
        Run definition = run("int usesMissing() { return missingHelper() + 1; }");
        assertNull(definition.shown());
        assertTrue(definition.text(StreamName.STDERR).contains("missingHelper"), definition.output().toString());
        CellError error = run("usesMissing()").error();
        assertEquals("UnresolvedReference", error.name());
        assertTrue(error.message().contains("missingHelper"), error.message());
    }

    // A method that calls one declared further down in the same cell gets no "cannot be used until" note.
    @Test
    void forwardReferenceWithinACellIsNotWarned() throws Exception {
        Run run = run("int callsBelow() { return declaredBelow() * 2; }\nint declaredBelow() { return 21; }\ncallsBelow()");
        assertEquals("42", run.shown());
        assertEquals("", run.text(StreamName.STDERR));
    }

    // An exception thrown by the value's toString() is reported as an error of the cell, not thrown out of evaluate.
    @Test
    void toStringFailureIsAnError() throws Exception {
        run("class BadShow { public String toString() { throw new IllegalStateException(\"no show\"); } }");
        CellError error = run("new BadShow()").error();
        assertEquals("IllegalStateException", error.name());
        assertEquals("no show", error.message());
    }

    // An interrupt with no cell running does no harm to the next cell.
    @Test
    void interruptWhenIdleIsHarmless() throws Exception {
        evaluator.interrupt();
        assertEquals("4", run("2 * 2").shown());
    }

    // Cell code using the shared common fork-join pool (a parallel stream) works and shows its value.
    @Test
    void parallelStreamsWork() throws Exception {
        assertEquals("5050", run("java.util.stream.IntStream.rangeClosed(1, 100).parallel().sum()").shown());
    }
}
