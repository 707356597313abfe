package org.proclab.engine.jshell;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The Java side of one cell, for the magics in it: running Java code as part of the cell, and
 * running a magic's own slow work (a download) so that the stop button can end the cell.
 */
public interface CellJava {
    /** Runs Java code as part of the cell. */
    Evaluation evaluate(String code);

    /** The notebook's variables in use now, in the order they were first declared (hidden ones left out). */
    List<NotebookVariable> variables();

    /**
     * Runs work the way cell code runs: on a thread of the cell, which the stop button stops.
     *
     * @return what the work returned
     * @throws InterruptedException when the user stopped the cell before the work ended, whether the
     *     work then failed or not; work that does not notice interrupts may still be finishing in
     *     the background
     * @throws Exception what the work threw
     */
    <T> T runStoppable(Callable<T> work) throws Exception;
}
