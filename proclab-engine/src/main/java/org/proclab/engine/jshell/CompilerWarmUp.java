package org.proclab.engine.jshell;

import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * Warms up the compiler with snippets the student never sees, in a scratch JShell of its own.
 *
 * <p>Why: every cell is compiled by javac, and javac's own code runs slowly until the JVM has
 * JIT-compiled it, which takes several hundred compilations. Measured in-process, {@code 1+1} takes
 * about 20 ms for the first two hundred cells and 8–10 ms after a thousand. Doing those compilations
 * while the student reads the notebook makes their cells fast from the start.
 *
 * <p>Why a scratch JShell and not the student's: JShell keeps every class it ever generated, even
 * for snippets that were dropped, and javac lists all of them for every later compilation. A
 * thousand warm-up snippets in the student's shell made each of their cells 4–5 ms slower for the
 * rest of the session, as much as the warm-up gained. The JIT's work lives in the JVM, not in a
 * shell, so warming a scratch shell with the same options, class path and imports warms the
 * student's just as well; the scratch shell is closed at the end, and the student's session is not
 * touched at all.
 *
 * <p>Each {@link #runNext()} does one small step: start the scratch shell, run one of its imports,
 * or compile and run one snippet.
 */
public final class CompilerWarmUp implements AutoCloseable {
    /**
     * How many snippets to compile by default on this JVM. Measured in-process (docs/benchmarks.md,
     * decision 012), a trivial cell keeps getting faster up to about 1,000 snippets on JDK 17
     * (then 7.4–7.9 ms) and up to about 1,500 on JDK 25 (10.5–11.8 ms after 1,000, 8.2 after 1,500,
     * 7.9 after 2,000): its javac is larger and takes longer to compile.
     */
    public static final int DEFAULT_SNIPPETS = Runtime.version().feature() > 17 ? 1500 : 1000;

    private static final List<String> SHAPES = List.of(
            "1 + 1",
            "\"proclab\".length() * 2",
            "Object shown = (List.of(4, 2).size()\n);",
            "int value = 6 * 7;",
            "long square(long x) { return x * x; }",
            "record Pair(int left, String right) { }",
            "List.of(1, 2, 3).stream().map(i -> i * 2).toList()",
            "for (int i = 0; i < 3; i++) { }");

    private final int snippets;
    private final CellImports imports;
    private JShell scratch;
    private boolean closed;
    private int importsRun;
    private int compiled;

    /** A warm-up of {@code snippets} snippets, in a shell that starts as the cells' did with {@code imports}. */
    public CompilerWarmUp(int snippets, CellImports imports) {
        this.snippets = snippets;
        this.imports = imports;
    }

    /**
     * Does the next step; call it from one thread at a time.
     *
     * @return whether there are more steps
     */
    public boolean runNext() {
        if (closed || compiled >= snippets) {
            return false;
        }
        if (scratch == null) {
            scratch = imports.compilingLikeCells(JShell.builder()
                    .executionEngine("local")
                    .out(new PrintStream(PrintStream.nullOutputStream()))
                    .err(new PrintStream(PrintStream.nullOutputStream())));
        } else if (importsRun < imports.imports().size()) {
            scratch.eval("import " + imports.imports().get(importsRun++) + ";");
        } else {
            compileAndDrop(SHAPES.get(compiled % SHAPES.size()));
            compiled++;
        }
        if (compiled < snippets) {
            return true;
        }
        close();
        return false;
    }

    /** How many snippets have been compiled so far. */
    public int compiled() {
        return compiled;
    }

    /** Closes the scratch shell; the warm-up cannot go on after this. */
    @Override
    public void close() {
        closed = true;
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
    }

    private void compileAndDrop(String source) {
        for (SnippetEvent event : scratch.eval(source)) {
            if (event.causeSnippet() == null && event.status().isActive()) {
                scratch.drop(event.snippet());
            }
        }
    }
}
