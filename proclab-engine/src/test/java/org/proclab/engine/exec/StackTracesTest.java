package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackTracesTest {
    private static StackTraceElement frame(String owner, String method, String file, int line) {
        return new StackTraceElement(owner, method, file, line);
    }

    private static final StackTraceElement USER = frame("com.example.Student", "compute", "Student.java", 12);
    private static final StackTraceElement LIBRARY = frame("java.util.ArrayList", "forEach", "ArrayList.java", 1541);
    private static final StackTraceElement REFLECT = frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2);
    private static final StackTraceElement METHOD = frame("java.lang.reflect.Method", "invoke", "Method.java", 568);
    private static final StackTraceElement KERNEL = frame("org.proclab.engine.exec.ProcLabExecutionControl", "lambda$runInCell$0",
            "ProcLabExecutionControl.java", 95);
    private static final StackTraceElement JSHELL = frame("jdk.jshell.execution.DirectExecutionControl", "invoke",
            "DirectExecutionControl.java", 227);
    private static final StackTraceElement THREAD = frame("java.lang.Thread", "run", "Thread.java", 833);

    // Frames from the first jdk.internal.reflect frame on (reflection, kernel, thread start) are cut; user and library frames stay.
    @Test
    void reflectionAndEverythingBelowIsCut() {
        RuntimeException failure = new RuntimeException("boom");
        failure.setStackTrace(new StackTraceElement[] {USER, LIBRARY, REFLECT, METHOD, KERNEL, THREAD});

        assertEquals(List.of(
                "java.lang.RuntimeException: boom",
                "    at com.example.Student.compute(Student.java:12)",
                "    at java.util.ArrayList.forEach(ArrayList.java:1541)"), StackTraces.lines(failure));
    }

    // A frame of org.proclab.kernel (and of jdk.jshell) is the boundary too, even without reflection below the user frames.
    @Test
    void kernelAndJshellFramesAreCut() {
        IllegalStateException viaKernel = new IllegalStateException("k");
        viaKernel.setStackTrace(new StackTraceElement[] {USER, KERNEL, USER, THREAD});
        assertEquals(List.of("java.lang.IllegalStateException: k", "    at com.example.Student.compute(Student.java:12)"),
                StackTraces.lines(viaKernel));

        IllegalStateException viaJshell = new IllegalStateException("j");
        viaJshell.setStackTrace(new StackTraceElement[] {USER, JSHELL, THREAD});
        assertEquals(List.of("java.lang.IllegalStateException: j", "    at com.example.Student.compute(Student.java:12)"),
                StackTraces.lines(viaJshell));
    }

    // UserCodeGuard's own frame (e.g. the replaced System.exit) is hidden but does not end the trace.
    @Test
    void guardFramesAreSkipped() {
        Error exit = new Error("exit");
        exit.setStackTrace(new StackTraceElement[] {
                frame(UserCodeGuard.class.getName(), "exit", "UserCodeGuard.java", 20), USER, REFLECT});
        assertEquals(List.of("java.lang.Error: exit", "    at com.example.Student.compute(Student.java:12)"),
                StackTraces.lines(exit));
    }

    // Frames of the classes the JVM generates for lambdas (named with a changing address) are hidden.
    @Test
    void lambdaProxyFramesAreSkipped() {
        Error failure = new Error("oom");
        failure.setStackTrace(new StackTraceElement[] {
                USER, frame("REPL.$JShell$21$$Lambda$53/0x00007fcc51008a08", "run", null, -1), USER, REFLECT});
        assertEquals(List.of("java.lang.Error: oom", "    at com.example.Student.compute(Student.java:12)",
                "    at com.example.Student.compute(Student.java:12)"), StackTraces.lines(failure));
    }

    // The cause chain is rendered as "Caused by:" sections, each cut at the kernel boundary, and render() ends every line with a newline.
    @Test
    void causedByChainIsRendered() {
        IllegalArgumentException root = new IllegalArgumentException("bad input");
        root.setStackTrace(new StackTraceElement[] {LIBRARY, KERNEL, THREAD});
        IllegalStateException middle = new IllegalStateException(null, root);
        middle.setStackTrace(new StackTraceElement[] {USER, METHOD});
        RuntimeException top = new RuntimeException("outer", middle);
        top.setStackTrace(new StackTraceElement[] {USER, REFLECT});

        assertEquals("""
                java.lang.RuntimeException: outer
                    at com.example.Student.compute(Student.java:12)
                Caused by: java.lang.IllegalStateException
                    at com.example.Student.compute(Student.java:12)
                Caused by: java.lang.IllegalArgumentException: bad input
                    at java.util.ArrayList.forEach(ArrayList.java:1541)
                """, StackTraces.render(top));
    }

    // A cycle in the cause chain is rendered once, not forever.
    @Test
    void causeCycleTerminates() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b");
        a.initCause(b);
        b.initCause(a);
        a.setStackTrace(new StackTraceElement[0]);
        b.setStackTrace(new StackTraceElement[0]);
        assertEquals(List.of("java.lang.RuntimeException: a", "Caused by: java.lang.RuntimeException: b"),
                StackTraces.lines(a));
    }

    // Frames JShell translated (class prefix expunged, source file "#id") are named by cell and cell line; top-level code shows only the place.
    @Test
    void snippetFramesNameCellAndLine() {
        SnippetLocations.recordSnippet("9017", 4, 2);
        assertEquals("divide (cell [4], line 3)", StackTraces.describe(frame("", "divide", "#9017", 2)));
        assertEquals("cell [4], line 2", StackTraces.describe(frame("", "", "#9017", 1)));
        assertEquals("Counter.inc (cell [4], line 4)", StackTraces.describe(frame("Counter", "inc", "#9017", 3)));
    }

    // Raw frames of classes a cell defined are named by the user's class name and the cell that defined it.
    @Test
    void rawCellClassFramesNameTheCell() {
        SnippetLocations.recordClass("REPL.$JShell$9020$Counter", 7);
        assertEquals("Counter.inc (cell [7])",
                StackTraces.describe(frame("REPL.$JShell$9020$Counter", "inc", null, -1)));
        assertEquals("Counter.lambda (cell [7])",
                StackTraces.describe(frame("REPL.$JShell$9020$Counter", "lambda$inc$0", null, -1)));
        assertEquals("cell code", StackTraces.describe(frame("REPL.$JShell$9999", "do_it$", null, -1)));
    }

    // A style marks the exception types of the headline and of each cause; frames outside cells stay as they are.
    @Test
    void styleMarksTypesNotLibraryFrames() {
        TraceStyle brackets = new TraceStyle() {
            @Override
            public String exceptionType(String type) {
                return "<" + type + ">";
            }

            @Override
            public String cellFrame(String place) {
                return "{" + place + "}";
            }
        };
        RuntimeException failure = new RuntimeException("outer", new IllegalStateException());
        failure.setStackTrace(new StackTraceElement[] {USER, REFLECT});
        failure.getCause().setStackTrace(new StackTraceElement[] {LIBRARY});
        assertEquals(List.of("<java.lang.RuntimeException>: outer", "    at com.example.Student.compute(Student.java:12)",
                "Caused by: <java.lang.IllegalStateException>", "    at java.util.ArrayList.forEach(ArrayList.java:1541)"),
                StackTraces.lines(failure, brackets));
    }

    // The headline is "type: message", or just the type when there is no message.
    @Test
    void headline() {
        assertEquals("java.lang.ArithmeticException: / by zero", StackTraces.headline(new ArithmeticException("/ by zero")));
        assertEquals("java.lang.NullPointerException", StackTraces.headline(new NullPointerException()));
        assertTrue(StackTraces.render(new NullPointerException()).endsWith("\n"));
    }
}
