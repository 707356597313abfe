package org.proclab.engine.jshell;

import java.util.List;

/**
 * Why a cell failed, as a student should read it: the error's short name ({@code CompilationError},
 * {@code ArithmeticException}, {@code SystemExit}), its one-line message and the lines to print,
 * which may carry ANSI colours. The engine knows nothing of Jupyter; a front end turns this into its
 * own form (an {@code error} message, or lines on a terminal's stderr).
 */
public record CellError(String name, String message, List<String> traceback) {
    public CellError {
        traceback = List.copyOf(traceback);
    }
}
