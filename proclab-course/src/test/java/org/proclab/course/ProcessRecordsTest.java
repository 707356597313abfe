package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

/**
 * The records a check reads, built from an event log written out here: which processes a window
 * holds, and what each record says of its process's life and tasks.
 */
class ProcessRecordsTest {
    private static final long KERNEL = 1;
    /** A plain child (pid 10, 100 to 300 ns), a pool worker (pid 11, from 150 ns, killed at 310 ns) with two
     * tasks, and a child still running (pid 12, from 400 ns); lines printed and a join come in between. */
    private static final List<Event> LOG = List.of(
            Event.started("Process-1", 10, 100, "MainProcess", KERNEL),
            Event.started("SpawnPoolWorker-1", 11, 150, "MainProcess", KERNEL),
            new Event(Kind.PRINTED, "Process-1", 10, 160, "stdout", "hello", null),
            new Event(Kind.TASK, "SpawnPoolWorker-1", 11, 170, null, "map items 3-4", null, 200),
            new Event(Kind.TASK, "SpawnPoolWorker-1", 11, 160, null, "map items 1-2", null, 170),
            new Event(Kind.JOINED, "Process-1", 10, 250, null, null, null, 300),
            new Event(Kind.EXITED, "Process-1", 10, 300, null, null, 0),
            new Event(Kind.EXITED, "SpawnPoolWorker-1", 11, 310, null, null, -9),
            Event.started("Process-2", 12, 400, "MainProcess", KERNEL));

    // A window holds the processes started in it, oldest first, with all that happened to them since.
    @Test
    void aWindowHoldsTheProcessesStartedInIt() {
        ProcessRecords all = ProcessRecords.of(LOG, 0);
        assertEquals(List.of(10L, 11L, 12L), all.stream().map(ProcessRecord::pid).toList());
        ProcessRecord plain = all.withPid(10).orElseThrow();
        assertEquals(new ProcessRecord("Process-1", 10, KERNEL, 100, 300L, 0, List.of()), plain);
        assertEquals(List.of(11L, 12L), ProcessRecords.of(LOG, 150).stream().map(ProcessRecord::pid).toList(),
                "a start at the window's opening counts");
        assertEquals(List.of(12L), ProcessRecords.of(LOG, 151).stream().map(ProcessRecord::pid).toList(),
                "later events of a process started before the window do not bring it in");
        assertTrue(ProcessRecords.of(LOG, 401).isEmpty());
        assertEquals(0, ProcessRecords.of(LOG, 401).size());
    }

    // A worker's tasks are its own, and the window lists all of them in the order they began.
    @Test
    void workersAreTheProcessesThatRanTasks() {
        ProcessRecords all = ProcessRecords.of(LOG, 0);
        ProcessRecords workers = all.workers();
        assertEquals(Set.of(11L), workers.pids());
        ProcessRecord worker = workers.list().get(0);
        assertEquals(List.of("map items 1-2", "map items 3-4"), all.tasks().stream().map(ProcessRecord.Task::label).toList());
        assertEquals(Duration.ofNanos(40), worker.busy());
        assertEquals(Duration.ofNanos(30), all.tasks().get(1).took());
        assertTrue(worker.ranTasks());
        assertFalse(all.withPid(10).orElseThrow().ranTasks());
        assertEquals(Set.of("Process-1", "Process-2", "SpawnPoolWorker-1"), all.names());
        assertEquals(List.of(12L), all.where(record -> !record.ended()).stream().map(ProcessRecord::pid).toList());
        assertEquals(Optional.empty(), all.withPid(13));
    }

    // A record's life runs from start() to its exit; a running process has none yet and lived within no span.
    @Test
    void aRecordKnowsItsLife() {
        ProcessRecords all = ProcessRecords.of(LOG, 0);
        ProcessRecord plain = all.withPid(10).orElseThrow();
        ProcessRecord running = all.withPid(12).orElseThrow();
        assertEquals(Duration.ofNanos(200), plain.life());
        assertTrue(plain.ended());
        assertTrue(plain.livedWithin(100, 300));
        assertFalse(plain.livedWithin(101, 300), "started before the span");
        assertFalse(plain.livedWithin(100, 299), "exited after the span");
        assertFalse(running.ended());
        assertNull(running.life());
        assertNull(running.exitCode());
        assertFalse(running.livedWithin(0, Long.MAX_VALUE / 2));
    }

    // A hint can show what did run: each record with its pid and how it ended, or "no process".
    @Test
    void recordsReadAsAHint() {
        assertEquals("Process-1 (pid 10, exit code 0), SpawnPoolWorker-1 (pid 11, exit code -9, 2 tasks), Process-2 (pid 12, running)",
                ProcessRecords.of(LOG, 0).toString());
        assertEquals("no process", ProcessRecords.of(LOG, 401).toString());
        List<ProcessRecord.Task> tasks = new ArrayList<>(List.of(new ProcessRecord.Task(11, 160, 170, "one")));
        ProcessRecord worker = new ProcessRecord("SpawnPoolWorker-1", 11, KERNEL, 150, null, null, tasks);
        tasks.clear();
        assertEquals("SpawnPoolWorker-1 (pid 11, running, 1 task)", worker.toString(), "the record keeps its own copy of the tasks");
    }
}
