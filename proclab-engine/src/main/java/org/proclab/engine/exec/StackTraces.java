package org.proclab.engine.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import jdk.jshell.EvalException;

/**
 * Renders exceptions thrown by cell code the way a student can read them: only the frames of the
 * user's code and of the library methods it called, with JShell's generated names removed and
 * cell code named by cell and line; the kernel's and JShell's own frames are cut off.
 *
 * <p>Two kinds of trace arrive here: those JShell has already translated ({@link EvalException},
 * for exceptions that end a cell), whose frames carry snippet lines, and raw ones from threads
 * that cells started, whose frames can only be traced back to their cell.
 */
public final class StackTraces {
    private static final int REPEATS_SHOWN = 3;
    private StackTraces() {
    }

    /** The full text: headline, frames, and "Caused by" sections, ending in a newline. */
    public static String render(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (String line : lines(failure)) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The same as {@link #render}, one entry per line. */
    public static List<String> lines(Throwable failure) {
        return lines(failure, TraceStyle.PLAIN);
    }

    /** The lines of {@link #render}, marked with {@code style}. */
    public static List<String> lines(Throwable failure, TraceStyle style) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        String prefix = "";
        while (current != null && seen.add(current)) {
            lines.add(prefix + headline(current, style));
            addFrames(lines, userFrames(current), style);
            current = current.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    /**
     * Adds the frames, folding a run of identical frames (deep recursion) into three and a count,
     * so a stack overflow reads as a few lines instead of a thousand.
     */
    private static void addFrames(List<String> lines, List<StackTraceElement> frames, TraceStyle style) {
        int i = 0;
        while (i < frames.size()) {
            String line = frameLine(frames.get(i), style);
            int run = 1;
            while (i + run < frames.size() && describe(frames.get(i + run)).equals(describe(frames.get(i)))) {
                run++;
            }
            for (int shown = 0; shown < Math.min(run, REPEATS_SHOWN); shown++) {
                lines.add(line);
            }
            if (run > REPEATS_SHOWN) {
                lines.add("    ... the line above repeats " + (run - REPEATS_SHOWN) + " more times");
            }
            i += run;
        }
    }

    /** {@code java.lang.ArithmeticException: / by zero}, or just the type when there is no message. */
    public static String headline(Throwable failure) {
        return headline(failure, TraceStyle.PLAIN);
    }

    private static String headline(Throwable failure, TraceStyle style) {
        String message = failure.getLocalizedMessage();
        String type = style.exceptionType(typeName(failure));
        return message == null ? type : type + ": " + message;
    }

    /** The class name of the exception the user's code threw, as the student wrote it for a class of a cell. */
    public static String typeName(Throwable failure) {
        return SnippetLocations.userClassName(
                failure instanceof EvalException eval ? eval.getExceptionClassName() : failure.getClass().getName());
    }

    /** The frames above the point where the kernel called into user code. */
    public static List<StackTraceElement> userFrames(Throwable failure) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (isKernelBoundary(frame)) {
                break;
            }
            if (isLibraryInternal(frame)) {
                continue;
            }
            frames.add(frame);
        }
        return frames;
    }

    /** A frame as a trace line, {@code "    at "} and the frame, cell code marked by {@code style}. */
    public static String frameLine(StackTraceElement frame, TraceStyle style) {
        String described = describe(frame);
        return "    at " + (isCellCode(frame) ? style.cellFrame(described) : described);
    }

    /** Whether a frame is in code a cell defined. */
    private static boolean isCellCode(StackTraceElement frame) {
        return SnippetLocations.ofSourceFile(frame.getFileName()) != null
                || SnippetLocations.isCellClass(frame.getClassName());
    }

    /** One frame: {@code divide (cell [4], line 2)} for cell code, the usual form for the rest. */
    public static String describe(StackTraceElement frame) {
        SnippetLocations.Location location = SnippetLocations.ofSourceFile(frame.getFileName());
        if (location != null) {
            return named(memberName(frame.getClassName(), frame.getMethodName()),
                    location.describe(frame.getLineNumber()));
        }
        if (SnippetLocations.isCellClass(frame.getClassName())) {
            Integer cell = SnippetLocations.cellOfClass(frame.getClassName());
            String member = memberName(SnippetLocations.userClassName(frame.getClassName()), frame.getMethodName());
            return named(member, cell == null ? "cell code" : "cell [" + cell + "]");
        }
        return frame.toString();
    }

    private static String named(String member, String place) {
        return member.isEmpty() ? place : member + " (" + place + ")";
    }

    private static String memberName(String owner, String method) {
        if (method.isEmpty() || method.equals("do_it$") || method.equals("<clinit>")) {
            return owner;
        }
        String shown = method.startsWith("lambda$") ? "lambda" : method;
        return owner.isEmpty() ? shown : owner + "." + shown;
    }

    /** Where ProcLab or JShell called into user code: nothing below it is the user's. */
    private static boolean isKernelBoundary(StackTraceElement frame) {
        String owner = frame.getClassName();
        return owner.startsWith("jdk.internal.reflect.")
                || owner.equals("java.lang.reflect.Method")
                || owner.equals("org.proclab.mp.spawn.ChildMain")
                || (isEngineOrKernel(owner) && !owner.equals(UserCodeGuard.class.getName()))
                || owner.startsWith("jdk.jshell.");
    }

    private static boolean isEngineOrKernel(String owner) {
        return owner.startsWith("org.proclab.engine.") || owner.startsWith("org.proclab.kernel.");
    }

    /**
     * ProcLab's library and guards between user frames, and the classes the JVM generates for
     * lambdas ({@code $$Lambda}, named with a memory address that changes every run): true but noise
     * for a student.
     */
    private static boolean isLibraryInternal(StackTraceElement frame) {
        String owner = frame.getClassName();
        return owner.equals(UserCodeGuard.class.getName()) || owner.startsWith("org.proclab.mp.")
                || owner.contains("$$Lambda");
    }
}
