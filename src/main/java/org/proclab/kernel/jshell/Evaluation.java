package org.proclab.kernel.jshell;

import org.proclab.kernel.protocol.ErrorContent;

/** How a cell ended: with or without a value to show, with an error, or stopped by the user. */
public sealed interface Evaluation {

    /** The cell ran; {@code shown} is the text of its final expression, or null when it has none. */
    record Completed(String shown) implements Evaluation {
    }

    /** The cell failed to compile or threw; the error is ready for the front end. */
    record Failed(ErrorContent error) implements Evaluation {
    }
}
