package org.proclab.course;

import java.time.Duration;
import java.util.List;

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
 * @param tasks the pool tasks (chunks of a map, calls of apply) it ran, in order; none for a plain process
 */
public record ProcessRecord(String name, long pid, long parentPid, long startedAt, Long exitedAt, Integer exitCode,
                            List<Task> tasks) {
    /**
     * One pool task a worker ran, from when it began (it reached the worker, or the worker's previous
     * task ended) until its result was back: a map measured from before it to after it spans its tasks.
     *
     * @param worker the pid of the worker that ran it
     * @param label what it was, as {@code %timeline} labels it
     */
    public record Task(long worker, long began, long ended, String label) {
        /** How long it took. */
        public Duration took() {
            return Duration.ofNanos(ended - began);
        }
    }

    /** Copies the tasks, so the record cannot change. */
    public ProcessRecord {
        tasks = List.copyOf(tasks);
    }

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
        return !tasks.isEmpty();
    }

    /** How long its tasks took altogether. */
    public Duration busy() {
        return tasks.stream().map(Task::took).reduce(Duration.ZERO, Duration::plus);
    }

    /** Whether it ran entirely between the two {@link System#nanoTime()} readings. */
    public boolean livedWithin(long from, long to) {
        return startedAt - from >= 0 && exitedAt != null && to - exitedAt >= 0;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + (exitCode == null ? ", running" : ", exit code " + exitCode)
                + (tasks.isEmpty() ? "" : ", " + tasks.size() + (tasks.size() == 1 ? " task" : " tasks")) + ")";
    }
}
