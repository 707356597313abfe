package org.proclab.mp.shm;

/** Whether the process that holds something shared is still there. */
public final class Liveness {
    private Liveness() {
    }

    /**
     * True if a process with this pid runs and has not {@linkplain EndedProcesses marked itself as
     * ended} (a pid of 0 or less is nobody).
     */
    public static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(process -> process.isAlive() && !EndedProcesses.marked(process))
                .orElse(false);
    }

    /** This process's pid. */
    public static long self() {
        return ProcessHandle.current().pid();
    }
}
