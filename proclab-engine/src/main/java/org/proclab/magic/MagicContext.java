package org.proclab.magic;

import java.nio.file.Path;
import java.util.List;
import org.proclab.engine.jshell.CellJava;

/**
 * What a magic may use while it runs: the cell's Java (evaluation with the cell's variables, and
 * slow work the stop button can end), its output, the registry (for {@code %lsmagic} and
 * {@code %help}) and the class path of the cells.
 */
public interface MagicContext extends MagicOutput, CellJava {
    /** All magics, for the ones that describe the others. */
    MagicRegistry registry();

    /**
     * Adds a jar or a directory of classes to the class path of the cells and of every child JVM
     * started from now on.
     *
     * @param entry an absolute, normalised path
     * @return false, and nothing changes, when it was added before
     */
    boolean addToClassPath(Path entry);

    /** What was added to the class path so far, in order. */
    List<Path> addedClassPath();
}
