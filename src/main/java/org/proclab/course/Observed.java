package org.proclab.course;

import java.time.Duration;

/**
 * What {@link Check#observe} saw while a student's method ran: the value it returned, the processes
 * started meanwhile and the time it took, so a check can compare a measured time or a result with the
 * processes that really produced it.
 *
 * @param value what the method returned
 * @param processes the processes started while it ran
 * @param startedAt {@link System#nanoTime()} just before the call
 * @param endedAt {@link System#nanoTime()} just after it returned
 */
public record Observed<T>(T value, ProcessRecords processes, long startedAt, long endedAt) {
    /** How long the call took. */
    public Duration took() {
        return Duration.ofNanos(endedAt - startedAt);
    }
}
