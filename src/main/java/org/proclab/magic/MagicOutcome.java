package org.proclab.magic;

import java.util.List;
import org.proclab.kernel.jshell.Evaluation;
import org.proclab.kernel.protocol.ErrorContent;

/**
 * What a magic leaves behind: a value to show as the cell's result (or nothing), or the failure of
 * the Java code it ran.
 */
public sealed interface MagicOutcome {
    /** The magic did its work; {@code shown} becomes the cell's result when it is the last part, or null. */
    record Done(String shown) implements MagicOutcome {
    }

    /** Java code the magic ran failed; the cell fails with that error. */
    record Failed(Evaluation.Failed failure) implements MagicOutcome {
    }

    /** Turns the evaluation of Java code run by a magic into an outcome. */
    static MagicOutcome of(Evaluation evaluation) {
        return evaluation instanceof Evaluation.Failed failed
                ? new Failed(failed) : new Done(((Evaluation.Completed) evaluation).shown());
    }

    /**
     * A failure the magic itself found (not a usage error, not Java code's): the cell shows
     * {@code name: message} as its only line.
     */
    static MagicOutcome error(String name, String message) {
        return new Failed(new Evaluation.Failed(new ErrorContent(name, message, List.of(name + ": " + message))));
    }
}
