package org.proclab.course;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * The processes started in a window of time, in the order they started, read from the kernel's event
 * log (the one {@code %ps}, {@code %timeline} and {@code %explain} draw): what {@link Check#processes()}
 * and its relatives return, with the questions a check asks of them.
 *
 * <pre>{@code
 * var workers = Check.processesSinceLastCheck().workers();
 * Check.that("two workers ran the map", workers.size() == 2, "...");
 * Check.that("workerPid is a worker's pid", workers.withPid(workerPid).isPresent(), "...");
 * }</pre>
 */
public final class ProcessRecords {
    private final List<ProcessRecord> records;

    private ProcessRecords(List<ProcessRecord> records) {
        this.records = List.copyOf(records);
    }

    /** The processes whose start the log holds at or after {@code since} ({@link System#nanoTime()}). */
    static ProcessRecords startedSince(long since) {
        return of(ProcessEvents.all(), since);
    }

    /** The processes started at or after {@code since} according to {@code events}. */
    static ProcessRecords of(List<ProcessEvents.Event> events, long since) {
        Map<Long, Builder> started = new LinkedHashMap<>();
        for (ProcessEvents.Event event : events) {
            if (event.kind() == ProcessEvents.Kind.STARTED) {
                if (event.nanoTime() - since >= 0) {
                    started.put(event.pid(), new Builder(event));
                }
                continue;
            }
            Builder builder = started.get(event.pid());
            if (builder != null) {
                builder.add(event);
            }
        }
        return new ProcessRecords(started.values().stream().map(Builder::build).toList());
    }

    /** The records, oldest start first. */
    public List<ProcessRecord> list() {
        return records;
    }

    /** The records as a stream, for questions the other methods do not ask. */
    public Stream<ProcessRecord> stream() {
        return records.stream();
    }

    /** How many processes there are. */
    public int size() {
        return records.size();
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** The process with this pid, if it is among them. */
    public Optional<ProcessRecord> withPid(long pid) {
        return records.stream().filter(record -> record.pid() == pid).findFirst();
    }

    /** Their pids. */
    public Set<Long> pids() {
        Set<Long> pids = new TreeSet<>();
        records.forEach(record -> pids.add(record.pid()));
        return pids;
    }

    /** Their names. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        records.forEach(record -> names.add(record.name()));
        return names;
    }

    /** The pool workers among them that ran at least one task. */
    public ProcessRecords workers() {
        return where(ProcessRecord::ranTasks);
    }

    /** The pool tasks they ran, in the order they began. */
    public List<ProcessRecord.Task> tasks() {
        return records.stream().flatMap(record -> record.tasks().stream())
                .sorted(Comparator.comparingLong(ProcessRecord.Task::began)).toList();
    }

    /** Those for which {@code test} holds. */
    public ProcessRecords where(Predicate<ProcessRecord> test) {
        return new ProcessRecords(records.stream().filter(test).toList());
    }

    /** One record per line, for a hint that shows what did run. */
    @Override
    public String toString() {
        return records.isEmpty() ? "no process" : String.join(", ", records.stream().map(ProcessRecord::toString).toList());
    }

    /** Collects one process's events after its start. */
    private static final class Builder {
        private final ProcessEvents.Event start;
        private Long exitedAt;
        private Integer exitCode;
        private final List<ProcessRecord.Task> tasks = new ArrayList<>();

        Builder(ProcessEvents.Event start) {
            this.start = start;
        }

        void add(ProcessEvents.Event event) {
            switch (event.kind()) {
                case EXITED -> {
                    exitedAt = event.nanoTime();
                    exitCode = event.exitCode();
                }
                case TASK -> tasks.add(new ProcessRecord.Task(event.pid(), event.nanoTime(), event.endNanoTime(), event.detail()));
                default -> {
                    // lines printed and joins say nothing about how the process ran
                }
            }
        }

        ProcessRecord build() {
            return new ProcessRecord(start.process(), start.pid(), start.parentPid(), start.nanoTime(), exitedAt, exitCode,
                    tasks);
        }
    }
}
