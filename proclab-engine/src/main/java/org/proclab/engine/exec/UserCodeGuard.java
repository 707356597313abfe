package org.proclab.engine.exec;

/**
 * The methods that instrumented cell code calls (see {@link SnippetInstrumenter}). They are public
 * only because classes that JShell defines must be able to link against them; nothing else should
 * call them.
 */
public final class UserCodeGuard {
    private UserCodeGuard() {
    }

    /** Inserted at method entry and before every backward jump: ends the thread if it was stopped. */
    public static void checkStop() {
        if (StopSignal.isRaised() && StopSignal.isStopped(Thread.currentThread())) {
            throw new CellStoppedError();
        }
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitCalledError("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitCalledError("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitCalledError("Runtime.halt", status);
    }
}
