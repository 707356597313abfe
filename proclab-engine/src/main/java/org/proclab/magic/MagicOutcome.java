package org.proclab.magic;

import java.util.List;
import java.util.Map;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.CellError;

/**
 * What a magic leaves behind: a value to show as the cell's result (or nothing), or the failure of
 * the Java code it ran.
 */
public sealed interface MagicOutcome {
    /**
     * The magic did its work; {@code shown} becomes the cell's result when it is the last part, or
     * null, with {@code bundle} its forms (MIME type to content, {@code shown} as {@code text/plain}).
     */
    record Done(String shown, Map<String, String> bundle) implements MagicOutcome {
        public Done {
            if (bundle == null && shown != null) {
                bundle = Map.of("text/plain", shown);
            }
        }

        /** A result shown as text only, or none when {@code shown} is null. */
        public Done(String shown) {
            this(shown, null);
        }
    }

    /** Java code the magic ran failed; the cell fails with that error. */
    record Failed(Evaluation.Failed failure) implements MagicOutcome {
    }

    /** Turns the evaluation of Java code run by a magic into an outcome. */
    static MagicOutcome of(Evaluation evaluation) {
        if (evaluation instanceof Evaluation.Failed failed) {
            return new Failed(failed);
        }
        Evaluation.Completed completed = (Evaluation.Completed) evaluation;
        return new Done(completed.shown(), completed.bundle());
    }

    /**
     * A failure the magic itself found (not a usage error, not Java code's): the cell shows
     * {@code name: message} as its only line.
     */
    static MagicOutcome error(String name, String message) {
        return new Failed(new Evaluation.Failed(new CellError(name, message, List.of(name + ": " + message))));
    }
}
