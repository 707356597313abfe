package org.proclab.engine.jshell;

import java.util.List;
import java.util.Map;

/** How a cell ended: with or without a value to show, with an error, or stopped by the user. */
public sealed interface Evaluation {

    /**
     * The cell ran; {@code shown} is the text of its final expression, or null when it has none, and
     * {@code bundle} all its forms (MIME type to content, {@code shown} as {@code text/plain}).
     */
    record Completed(String shown, Map<String, String> bundle) implements Evaluation {
        public Completed {
            if (bundle == null && shown != null) {
                bundle = Map.of("text/plain", shown);
            }
        }

        /** A value shown as text only, or none when {@code shown} is null. */
        public Completed(String shown) {
            this(shown, null);
        }

        /** A value with all its forms, or none when {@code bundle} is null. */
        public static Completed of(Map<String, String> bundle) {
            return new Completed(bundle == null ? null : bundle.get("text/plain"), bundle);
        }
    }

    /** The cell failed to compile or threw; the error is ready for the front end. */
    record Failed(CellError error) implements Evaluation {
        /**
         * A failure that a magic or the engine found itself (not a compiler's or an exception's):
         * the cell shows {@code name: message} as its only line.
         */
        public static Failed of(String name, String message) {
            return new Failed(new CellError(name, message, List.of(name + ": " + message)));
        }
    }
}
