package org.proclab.magic;

import java.util.Map;
import java.util.function.Consumer;

/** Where a cell's magics write: text to the cell's stdout, and rich displays (MIME bundles). */
public interface MagicOutput {
    /** Writes text to the cell's stdout. */
    void print(String text);

    /**
     * Shows a MIME bundle in the cell ({@code text/plain} always, richer types where the front end
     * renders them); consoles and terminals show its plain text.
     */
    void display(Map<String, String> bundle);

    /** An output from two functions: one for text, one for MIME bundles. */
    static MagicOutput of(Consumer<String> print, Consumer<Map<String, String>> display) {
        return new MagicOutput() {
            @Override
            public void print(String text) {
                print.accept(text);
            }

            @Override
            public void display(Map<String, String> bundle) {
                display.accept(bundle);
            }
        };
    }
}
