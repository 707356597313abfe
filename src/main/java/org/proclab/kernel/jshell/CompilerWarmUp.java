package org.proclab.kernel.jshell;

import java.util.List;

/**
 * Warms up the compiler inside JShell with snippets the student never sees.
 *
 * <p>Why: every cell is compiled by javac, and javac's own code runs slowly until the JVM has
 * JIT-compiled it, which takes a few hundred compilations. Measured in-process, {@code 1+1} takes
 * about 20 ms for the first two hundred cells and about 10 ms from then on. Doing those
 * compilations while the student reads the notebook makes their cells fast from the start.
 *
 * <p>Each {@link #runNext()} compiles and runs one snippet and then drops it. The snippets use
 * names no student would choose ({@code $proclabWarmUp...}) and only fully qualified types, so
 * they neither see nor change the student's declarations.
 */
public final class CompilerWarmUp {
    /**
     * How many snippets to compile by default: measured, after about 400 the JIT has compiled
     * javac's hot paths and a trivial cell stays near its lowest time (docs/benchmarks.md).
     */
    public static final int DEFAULT_SNIPPETS = 400;

    private static final List<String> SHAPES = List.of(
            "1 + 1",
            "\"proclab\".length() * 2",
            "int $proclabWarmUpValue = 6 * 7;",
            "long $proclabWarmUpSquare(long x) { return x * x; }",
            "record $ProclabWarmUpPair(int left, java.lang.String right) { }",
            "java.util.List.of(1, 2, 3).stream().map(i -> i * 2).toList()",
            "for (int $proclabWarmUpI = 0; $proclabWarmUpI < 3; $proclabWarmUpI++) { }");

    private final JavaEvaluator evaluator;
    private final int snippets;
    private int compiled;

    /** A warm-up of {@code snippets} snippets in the given evaluator. */
    public CompilerWarmUp(JavaEvaluator evaluator, int snippets) {
        this.evaluator = evaluator;
        this.snippets = snippets;
    }

    /**
     * Compiles and runs the next snippet; call it only on the thread that runs cells, between cells.
     *
     * @return whether there are more snippets to compile
     */
    public boolean runNext() {
        if (compiled < snippets) {
            evaluator.warmUp(SHAPES.get(compiled % SHAPES.size()));
            compiled++;
        }
        return compiled < snippets;
    }

    /** How many snippets have been compiled so far. */
    public int compiled() {
        return compiled;
    }
}
