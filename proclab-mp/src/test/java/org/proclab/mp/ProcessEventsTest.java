package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

class ProcessEventsTest {

    @AfterAll
    static void cleanUp() throws InterruptedException {
        MpTesting.killLeftoverChildren();
    }

    // The event log tells which process printed each line, with its pid, between its start and its exit,
    // and then how long the parent's join() waited.
    @Test
    void recordsStartLinesAndExitOfEachChild() throws InterruptedException {
        long before = System.nanoTime();
        Process first;
        Process second;
        try (MpTesting.Captured ignored = new MpTesting.Captured()) {
            first = new Process(() -> System.out.println("one"));
            second = new Process(() -> System.err.println("two"));
            first.start();
            second.start();
            first.join();
            second.join();
        }
        List<Event> events = ProcessEvents.since(before);
        assertEquals(List.of(Kind.STARTED, Kind.PRINTED, Kind.EXITED, Kind.JOINED), kindsOf(events, first));
        assertEquals(List.of(Kind.STARTED, Kind.PRINTED, Kind.EXITED, Kind.JOINED), kindsOf(events, second));
        Event firstLine = lineOf(events, first);
        Event secondLine = lineOf(events, second);
        assertEquals(List.of("stdout", "one", first.pid()), List.of(firstLine.stream(), firstLine.detail(), firstLine.pid()));
        assertEquals(List.of("stderr", "two", second.pid()), List.of(secondLine.stream(), secondLine.detail(), secondLine.pid()));
        assertEquals(0, events.stream().filter(e -> e.kind() == Kind.EXITED && e.process().equals(first.name()))
                .findFirst().orElseThrow().exitCode());
        Event start = events.stream().filter(e -> e.kind() == Kind.STARTED && e.process().equals(first.name()))
                .findFirst().orElseThrow();
        assertEquals(List.of("MainProcess", ProcessHandle.current().pid()), List.of(start.detail(), start.parentPid()),
                "a start names the process that started it");
    }

    // A child killed from outside gets a note on stderr saying so; the note is ProcLab's, so the event
    // log does not count it as a line the child printed.
    @Test
    void outsideKillNoteIsNotTheChildsLine() throws InterruptedException {
        long before = System.nanoTime();
        Process victim = new Process(() -> Thread.sleep(60_000));
        try (MpTesting.Captured captured = new MpTesting.Captured()) {
            victim.start();
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
            victim.join();
            assertTrue(MpTesting.waitUntil(() -> captured.err().contains("was killed by SIGKILL"), MpTesting.LONG),
                    captured.err());
        }
        assertEquals(List.of(Kind.STARTED, Kind.EXITED, Kind.JOINED), kindsOf(ProcessEvents.since(before), victim));
    }

    // A process's life counts from its start() call: the start is dated before start() readied the task
    // (here, before the captured value was serialized), not when the JVM was there.
    @Test
    void aStartIsDatedWhenStartWasCalled() throws InterruptedException {
        long before = System.nanoTime();
        var clock = new SerializationClock();
        Process process = new Process(() -> System.out.println(clock.hashCode()));
        try (MpTesting.Captured ignored = new MpTesting.Captured()) {
            process.start();
            process.join();
        }
        Event start = ProcessEvents.since(before).stream()
                .filter(e -> e.kind() == Kind.STARTED && e.process().equals(process.name())).findFirst().orElseThrow();
        assertTrue(start.nanoTime() - SerializationClock.serializedAt <= 0,
                "started at " + start.nanoTime() + ", task serialized at " + SerializationClock.serializedAt);
    }

    // A pool worker that dies in its third task ran three tasks: the fourth, sent ahead but never
    // started, goes to its replacement and is not counted for the dead worker.
    @Test
    void aWorkerThatDiedIsCountedOnlyTheTasksItStarted() throws InterruptedException {
        long before = System.nanoTime();
        List<Process> workers;
        try (Pool pool = new Pool(1)) {
            workers = pool.workers();
            assertThrows(ChildDiedException.class, () -> pool.map(x -> {
                if (x == 3) {
                    System.exit(42);
                }
                return x;
            }, List.of(1, 2, 3, 4), 1));
        }
        Process died = workers.get(0);
        long tasks = ProcessEvents.since(before).stream()
                .filter(e -> e.kind() == Kind.TASK && e.process().equals(died.name())).count();
        assertEquals(3, tasks);
    }

    /** A captured value that notes when it was serialized, that is, when start() readied the task. */
    private static final class SerializationClock implements Serializable {
        static volatile long serializedAt;

        private void writeObject(ObjectOutputStream out) throws IOException {
            serializedAt = System.nanoTime();
            out.defaultWriteObject();
        }
    }

    private static List<Kind> kindsOf(List<Event> events, Process process) {
        return events.stream().filter(e -> e.process().equals(process.name())).map(Event::kind).toList();
    }

    private static Event lineOf(List<Event> events, Process process) {
        return events.stream().filter(e -> e.process().equals(process.name()) && e.kind() == Kind.PRINTED)
                .findFirst().orElseThrow();
    }
}
