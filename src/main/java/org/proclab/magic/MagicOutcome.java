package org.proclab.magic;

import org.proclab.kernel.jshell.Evaluation;

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
}
