package org.proclab.engine.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import org.proclab.engine.exec.ExitCalledError;
import org.proclab.engine.exec.StackTraces;
import org.proclab.engine.exec.TraceStyle;

/**
 * Builds the errors a student sees. As in ipykernel, {@code ename} and {@code evalue} are plain
 * text and only the traceback lines carry ANSI marks: bold, in the text's own colour, for the error's
 * name, the caret under a compile error's spot and the places in the user's cells (library frames
 * stay plain). No ANSI colour reads at 4.5:1 on the red error box of both JupyterLab's light and dark
 * themes, while the text colour does (decision 039). {@code proclab run} strips the marks when its
 * terminal has no colours.
 */
final class ErrorReports {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final TraceStyle MARKED = new TraceStyle() {
        @Override
        public String exceptionType(String type) {
            return BOLD + type + RESET;
        }

        @Override
        public String cellFrame(String place) {
            return BOLD + place + RESET;
        }
    };

    /** How much of a long line an error quotes (a 70,000-character literal would fill the notebook). */
    private static final int QUOTED_LINE_CHARS = 160;

    private ErrorReports() {
    }

    /** Compile errors of one snippet, each with the offending line and a caret under the spot. */
    static CellError compileErrors(int executionCount, CellPiece piece, List<Diag> diagnostics) {
        List<String> traceback = new ArrayList<>();
        String firstMessage = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            String message = describe(executionCount, piece, diag.getPosition(), diag.getMessage(Locale.ROOT), traceback);
            if (firstMessage == null) {
                firstMessage = message;
            }
        }
        if (firstMessage == null) {
            firstMessage = "the code could not be compiled";
            traceback.add(BOLD + "Compilation error" + RESET + ": " + firstMessage);
        }
        return new CellError("CompilationError", firstMessage, traceback);
    }

    /** A compile error the kernel found itself, at {@code position} of the snippet. */
    static CellError compileError(int executionCount, CellPiece piece, int position, String text) {
        List<String> traceback = new ArrayList<>();
        return new CellError("CompilationError", describe(executionCount, piece, position, text, traceback), traceback);
    }

    /**
     * Adds one error to {@code traceback}: its place, the line (cut to a screen's width around the spot)
     * and a caret; returns its first line with the place, for the error's value.
     */
    private static String describe(int executionCount, CellPiece piece, long at, String text, List<String> traceback) {
        String[] message = text.split("\n");
        int position = (int) Math.max(0, Math.min(at, piece.source().length()));
        int snippetLine = lineIndex(piece.source(), position);
        String where = "cell [" + executionCount + "], line " + (piece.firstLine() + snippetLine);
        traceback.add(BOLD + "Compilation error" + RESET + " in " + BOLD + where + RESET + ": " + message[0]);
        String line = lineText(piece.source(), position);
        int column = column(piece.source(), position);
        int from = Math.max(0, column - QUOTED_LINE_CHARS / 2);
        int to = Math.min(line.length(), from + QUOTED_LINE_CHARS);
        traceback.add("    " + (from > 0 ? "..." : "") + line.substring(from, to) + (to < line.length() ? "..." : ""));
        traceback.add("    " + " ".repeat(column - from + (from > 0 ? 3 : 0)) + BOLD + "^" + RESET);
        for (int i = 1; i < message.length; i++) {
            if (!message[i].strip().startsWith("location: class")) {
                traceback.add(message[i]);
            }
        }
        return message[0] + " (" + where + ")";
    }

    /** A snippet JShell cannot even cut into a statement, e.g. an unclosed brace at the end. */
    static CellError incomplete(int executionCount, CellPiece piece) {
        String where = "cell [" + executionCount + "], line " + piece.firstLine();
        String message = "the code starting here is not complete (a missing '}', ')' or ';'?)";
        return new CellError("CompilationError", message + " (" + where + ")", List.of(
                BOLD + "Compilation error" + RESET + " in " + BOLD + where + RESET + ": " + message,
                "    " + piece.source().lines().findFirst().orElse("")));
    }

    /**
     * An exception thrown by cell code, with the user's frames only.
     *
     * @param trace the exception as JShell translated it (snippet lines), or the raw one
     * @param thrown the exception object itself, to recognise the kernel's own errors; may be null
     */
    static CellError exception(Throwable trace, Throwable thrown) {
        if (thrown instanceof ExitCalledError exit) {
            return exit(exit, trace);
        }
        List<String> traceback = StackTraces.lines(trace, MARKED);
        String type = StackTraces.typeName(trace);
        String message = trace.getLocalizedMessage();
        return new CellError(type.substring(type.lastIndexOf('.') + 1), message == null ? "" : message, traceback);
    }

    /** The cell asked to end the JVM; the kernel refused and says so. */
    private static CellError exit(ExitCalledError exit, Throwable trace) {
        String call = exit.call() + "(" + exit.status() + ")";
        List<String> traceback = new ArrayList<>();
        traceback.add(BOLD + "SystemExit" + RESET + ": " + call + " was called");
        traceback.add("A cell cannot end the kernel, so ProcLab stopped the cell instead.");
        traceback.add("Everything defined before is still there. In a child process, " + exit.call()
                + " really ends that process with status " + exit.status() + ".");
        for (StackTraceElement frame : StackTraces.userFrames(trace)) {
            traceback.add(StackTraces.frameLine(frame, MARKED));
        }
        return new CellError("SystemExit", call + " was called; the kernel keeps running", traceback);
    }

    /** The user pressed stop. */
    static CellError interrupted(int executionCount, boolean virtualThreads) {
        return new CellError("Interrupted", "cell [" + executionCount + "] was stopped", withVirtualThreadsNote(List.of(
                BOLD + "Interrupted" + RESET + ": cell [" + executionCount + "] was stopped.",
                "Variables, methods and classes defined before are kept."), virtualThreads));
    }

    /**
     * The kernel stopped the cell to protect itself; {@code reason} starts with the error's name and
     * a colon (e.g. {@code OutOfMemoryError: ...}), the rest says what happened and what to do.
     */
    static CellError stoppedByKernel(int executionCount, String reason, boolean virtualThreads) {
        int colon = reason.indexOf(": ");
        String name = reason.substring(0, colon);
        String message = reason.substring(colon + 2);
        return new CellError(name, message, withVirtualThreadsNote(List.of(
                BOLD + name + RESET + ": cell [" + executionCount + "] was stopped by the kernel",
                message, "Variables, methods and classes defined before are kept."), virtualThreads));
    }

    /**
     * A stop's lines, with a note when the notebook's code starts virtual threads: a stop ends those
     * that run, but the JDK cannot list them, so one that waits is not interrupted (decision 030).
     */
    private static List<String> withVirtualThreadsNote(List<String> lines, boolean virtualThreads) {
        if (!virtualThreads) {
            return lines;
        }
        List<String> noted = new ArrayList<>(lines);
        noted.add("Virtual threads this notebook started end at their next loop turn or method call; one that"
                + " waits (sleep, a lock, a latch, a queue, input) goes on waiting, as the kernel cannot list virtual"
                + " threads to interrupt them. Restart the kernel to end them all.");
        return noted;
    }

    /**
     * The kernel's own heap ran out while it compiled or ran the cell's code outside the cell's
     * threads (JShell's compiler allocates megabytes per cell): the notebook's variables hold the
     * memory, so the message says how to give it back. Built from constants, as the heap is full.
     */
    static CellError kernelOutOfMemory(int executionCount) {
        String message = "the kernel's memory was full while it compiled cell [" + executionCount + "]. What a"
                + " variable refers to stays in memory: set a large one to null (bigList = null;), or restart the kernel.";
        return new CellError("OutOfMemoryError", message, List.of(
                BOLD + "OutOfMemoryError" + RESET + ": cell [" + executionCount + "] did not run",
                message, "Variables, methods and classes defined before are kept."));
    }

    /** Code that uses a method or class whose own definition still lacks something. */
    static CellError unresolved(String what, List<String> missing) {
        String message = what + " cannot be used until " + String.join(", ", missing) + " is declared";
        return new CellError("UnresolvedReference", message, List.of(
                BOLD + "UnresolvedReference" + RESET + ": " + message));
    }

    private static int lineIndex(String text, int position) {
        int line = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String lineText(String text, int position) {
        int start = position - column(text, position);
        int end = text.indexOf('\n', position);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static int column(String text, int position) {
        int start = position == 0 ? 0 : text.lastIndexOf('\n', position - 1) + 1;
        return position - start;
    }
}
