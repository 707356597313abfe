package org.proclab.mp.shm;

/** Whether the process that holds something shared is still there. */
public final class Liveness {
    private Liveness() {
    }

    /**
     * True if a process with this pid runs and, if it is a child of this JVM, has not
     * {@linkplain EndedProcesses announced its end} (a pid of 0 or less is nobody).
     */
    public static boolean isAlive(long pid) {
        return pid > 0 && !EndedProcesses.announcedEnd(pid)
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** This process's pid. */
    public static long self() {
        return ProcessHandle.current().pid();
    }
}
