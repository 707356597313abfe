package org.proclab.engine.exec;

/**
 * Thrown in place of ending the JVM when cell code calls {@code System.exit}, {@code Runtime.exit}
 * or {@code Runtime.halt}: the kernel process must outlive every cell. It is an {@link Error} so
 * that {@code catch (Exception e)} does not hide it.
 */
public final class ExitCalledError extends Error {
    private final String call;
    private final int status;

    ExitCalledError(String call, int status) {
        super(call + "(" + status + ") was called; ProcLab does not let a cell end the kernel", null, false, true);
        this.call = call;
        this.status = status;
    }

    /** The method the cell called, e.g. {@code System.exit}. */
    public String call() {
        return call;
    }

    /** The status the cell asked to exit with. */
    public int status() {
        return status;
    }
}
