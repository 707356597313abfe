package org.proclab.mp.spawn;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.SerializedLambda;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How this JVM words failures that involve a child: the stack trace of a child's exception, and
 * the name of a value a lambda captured. By default a plain stack trace and no names; the kernel
 * installs its own once (it renders traces like a cell's, and reads variable names from the cells'
 * class files). These describe the notebook, not the children, so they are the same for every
 * context and stay here rather than in {@link ChildSettings}.
 */
public final class FailureText {
    private static volatile Function<Throwable, String> traceRenderer = FailureText::standardTrace;
    private static volatile BiFunction<SerializedLambda, Integer, String> capturedNames = (lambda, index) -> null;

    private FailureText() {
    }

    /** Turns a child's exception into the text shown in the parent's stderr. */
    public static String renderTrace(Throwable failure) {
        return traceRenderer.apply(failure);
    }

    public static void traceRenderer(Function<Throwable, String> renderer) {
        traceRenderer = renderer;
    }

    /**
     * Finds the source name of a lambda's captured value (its index counts from 0), or null, so that
     * an error can say "the lambda captures variable {@code local}".
     */
    public static BiFunction<SerializedLambda, Integer, String> capturedNames() {
        return capturedNames;
    }

    public static void capturedNames(BiFunction<SerializedLambda, Integer, String> finder) {
        capturedNames = finder;
    }

    private static String standardTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
