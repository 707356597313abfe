package org.proclab.course;

import java.time.Duration;

/**
 * One process that the notebook started (or that one of its processes started), as the kernel
 * recorded it while it ran: a check compares what a student stored against it, so that a value
 * typed in by hand, with no process behind it, does not pass.
 *
 * <p>Times are {@link System#nanoTime()} readings, the clock a student's own measurements use, so a
 * check can tell whether a measured time really spans a process's life.
 *
 * @param name the process's name ({@code Process-1}, {@code SpawnPoolWorker-2}, a name given to it)
 * @param pid its operating-system process id
 * @param parentPid the pid of the process that started it: the notebook's own for its children
 * @param startedAt when {@code start()} created it (for a pool worker: when the pool started it)
 * @param exitedAt when its exit was seen, or null while it runs
 * @param exitCode its exit code as {@code Process.exitCode()} reports it (negative: the signal that
 *                 ended it), or null while it runs
 * @param tasks how many pool tasks (chunks of a map, calls of apply) it ran; 0 for a plain process
 * @param busy how long those tasks took altogether
 */
public record ProcessRecord(String name, long pid, long parentPid, long startedAt, Long exitedAt, Integer exitCode,
                            int tasks, Duration busy) {
    /** Whether it has exited. */
    public boolean ended() {
        return exitCode != null;
    }

    /** How long it lived, from {@code start()} to its exit; null while it runs. */
    public Duration life() {
        return exitedAt == null ? null : Duration.ofNanos(exitedAt - startedAt);
    }

    /** Whether it was a pool worker that ran at least one task. */
    public boolean ranTasks() {
        return tasks > 0;
    }

    /** Whether it ran entirely between the two {@link System#nanoTime()} readings. */
    public boolean livedWithin(long from, long to) {
        return startedAt - from >= 0 && exitedAt != null && to - exitedAt >= 0;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + (exitCode == null ? ", running" : ", exit code " + exitCode)
                + (tasks > 0 ? ", " + tasks + (tasks == 1 ? " task" : " tasks") : "") + ")";
    }
}
