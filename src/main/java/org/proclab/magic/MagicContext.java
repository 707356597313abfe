package org.proclab.magic;

import java.util.Map;
import org.proclab.kernel.jshell.Evaluation;

/**
 * What a magic may use while it runs: the cell's Java evaluation (same variables as the cell), its
 * output, and the registry (for {@code %lsmagic} and {@code %help}).
 */
public interface MagicContext {
    /** Runs Java code as part of the current cell. */
    Evaluation evaluate(String javaCode);

    /** Writes text to the cell's stdout. */
    void print(String text);

    /** Shows a MIME bundle in the cell. */
    void display(Map<String, String> bundle);

    /** All magics, for the ones that describe the others. */
    MagicRegistry registry();
}
