package org.proclab.mp.shm;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child processes of this JVM that have finished and are only exiting. A child whose jobs are
 * done tells its parent its status before its JVM has finished exiting, so that {@code join()} need
 * not wait for the JVM's teardown; from then on the parent must count it as ended wherever a
 * process's end matters (the other end of a {@code Pipe}, the users of a {@code Queue}, a lock's
 * holder), as it will a few milliseconds later when the operating system has reaped it. Other
 * processes see the end when the process has exited, a few milliseconds later.
 *
 * <p>A pid is here from the child's announcement until its parent has reaped it, so it never
 * stands for another process that is given the same pid later.
 */
public final class EndedProcesses {
    private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();

    private EndedProcesses() {
    }

    /** The child {@code pid} announced its end; it counts as ended from now on. */
    public static void announced(long pid) {
        PIDS.add(pid);
    }

    /** The child {@code pid} has exited and been reaped: the pid may serve another process now. */
    public static void exited(long pid) {
        PIDS.remove(pid);
    }

    /** Whether the child {@code pid} announced its end and has not been reaped yet. */
    static boolean announcedEnd(long pid) {
        return PIDS.contains(pid);
    }
}
