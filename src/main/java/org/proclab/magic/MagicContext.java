package org.proclab.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.proclab.kernel.jshell.CellJava;
import org.proclab.kernel.jshell.Evaluation;

/**
 * What a magic may use while it runs: the cell's Java evaluation (same variables as the cell), its
 * output, the registry (for {@code %lsmagic} and {@code %help}) and the class path of the cells.
 */
public interface MagicContext extends MagicOutput {
    /** Runs Java code as part of the current cell. */
    Evaluation evaluate(String javaCode);

    /**
     * Runs a magic's slow work (a download) so that the stop button ends the cell.
     *
     * @throws InterruptedException when the user stopped the cell first
     * @throws Exception what the work threw
     * @see CellJava#runStoppable
     */
    <T> T runStoppable(Callable<T> work) throws Exception;

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
