package org.proclab.engine.exec;

/**
 * Thrown inside user code when the user interrupts the cell. It is an {@link Error} so that the
 * usual {@code catch (Exception e)} in a student's loop does not swallow it.
 */
public final class CellStoppedError extends Error {
    CellStoppedError() {
        super("interrupted by the user", null, false, false);
    }
}
