package org.proclab.mp.spawn;

/**
 * The CPU time a process used (user plus system, all its threads), as {@code %ps} shows it for a
 * finished process: either all it used, measured by the child itself as it ended, or a lower bound,
 * when the last figure known was read while it could still use more.
 *
 * @param nanos    the CPU time, in nanoseconds (in steps of 10 ms, the clock tick of {@code /proc})
 * @param complete true when the child measured it as it ended, after its last job; false when the
 *                 process may have used more after it was measured (a signal ended it, or it exited
 *                 by {@code System.exit} of its task, or with threads of its task still running)
 */
public record CpuTime(long nanos, boolean complete) {
}
