package org.proclab.kernel.protocol;

import java.util.List;
import org.proclab.engine.jshell.CellError;

/**
 * Content of an {@code error} broadcast (and the error part of {@code execute_reply}): the error's
 * name, its message and the traceback lines the front end prints (ANSI colours allowed).
 */
public record ErrorContent(String ename, String evalue, List<String> traceback) {
    public ErrorContent {
        traceback = List.copyOf(traceback);
    }

    /** The message for a cell the engine reports failed. */
    public static ErrorContent of(CellError error) {
        return new ErrorContent(error.name(), error.message(), error.traceback());
    }
}
