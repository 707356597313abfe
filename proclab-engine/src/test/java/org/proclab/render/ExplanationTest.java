package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

/** The plain-language explanation built from process events. */
class ExplanationTest {
    private static final long CELL = 1_000_000_000L;

    private static Event at(long millis, Kind kind, String name, long pid, Integer exitCode) {
        return new Event(kind, name, pid, CELL + millis * 1_000_000, kind == Kind.PRINTED ? "stdout" : null,
                kind == Kind.PRINTED ? "a line" : null, exitCode);
    }

    // One process: who started it and when, how many lines it printed, how it ended and after how long.
    @Test
    void tellsOneProcess() {
        List<String> sentences = Explanation.sentences(List.of(at(3, Kind.STARTED, "Process-1", 845, null),
                at(40, Kind.PRINTED, "Process-1", 845, null), at(64, Kind.EXITED, "Process-1", 845, 0)), CELL, "MainProcess", 812);
        assertEquals(List.of("MainProcess (pid 812) started Process-1 (pid 845) at +3 ms. Process-1 printed 1 line "
                + "and exited with code 0 (success) after 61 ms."), sentences);
    }

    // A joined process tells how long join() waited for it, summed over the cell's join calls.
    @Test
    void tellsHowLongJoinWaited() {
        List<String> sentences = Explanation.sentences(List.of(at(3, Kind.STARTED, "Process-1", 845, null),
                at(64, Kind.EXITED, "Process-1", 845, 0),
                new Event(Kind.JOINED, "Process-1", 845, CELL + 6_000_000, null, null, null, CELL + 64_000_000),
                new Event(Kind.JOINED, "Process-1", 845, CELL + 70_000_000, null, null, null, CELL + 70_000_000)),
                CELL, "MainProcess", 812);
        assertEquals(List.of("MainProcess (pid 812) started Process-1 (pid 845) at +3 ms. Process-1 printed 0 lines "
                + "and exited with code 0 (success) after 61 ms; join() waited 58 ms."), sentences);
    }

    // A pool worker tells how many tasks it ran and how many items they held, as a task is a chunk of items.
    @Test
    void poolWorkersTellTheirTasks() {
        List<String> sentences = Explanation.sentences(List.of(at(1, Kind.STARTED, "SpawnPoolWorker-1", 21, null),
                new Event(Kind.TASK, "SpawnPoolWorker-1", 21, CELL + 5_000_000, null, "items 0–4", null, CELL + 9_000_000),
                new Event(Kind.TASK, "SpawnPoolWorker-1", 21, CELL + 9_000_000, null, "items 5–9", null, CELL + 12_000_000)),
                CELL, "MainProcess", 7);
        assertEquals(List.of("MainProcess (pid 7) started SpawnPoolWorker-1 (pid 21) at +1 ms. SpawnPoolWorker-1 ran 2 tasks"
                + " (10 items), printed 0 lines and is still running."), sentences);
    }

    // A process that a child started is told right after that child, which the sentence names as its starter;
    // one whose end was not reported, because the child was killed, ended with it.
    @Test
    void tellsWhoStartedAGrandchildAndHowItEnded() {
        List<String> sentences = Explanation.sentences(List.of(Event.started("Process-1", 845, CELL + 3_000_000, "MainProcess", 812),
                Event.started("Process-2", 846, CELL + 4_000_000, "MainProcess", 812),
                Event.started("Process-1:1", 900, CELL + 50_000_000, "Process-1", 845),
                at(60, Kind.EXITED, "Process-2", 846, 0), at(90, Kind.EXITED, "Process-1", 845, -9),
                new Event(Kind.EXITED, "Process-1:1", 900, CELL + 90_000_000, null, "Process-1", 70)), CELL, "MainProcess", 812);
        assertEquals(List.of("MainProcess (pid 812) started Process-1 (pid 845) at +3 ms. Process-1 printed 0 lines and exited "
                        + "with code -9 (killed by SIGKILL: kill() or the operating system) after 87 ms.",
                "Process-1 (pid 845) started Process-1:1 (pid 900) at +50 ms. Process-1:1 printed 0 lines and exited with code "
                        + "70 (Process-1 ended, and a process ends with its parent) after 40 ms.",
                "MainProcess (pid 812) started Process-2 (pid 846) at +4 ms. Process-2 printed 0 lines and exited with code 0 "
                        + "(success) after 56 ms."), sentences);
    }

    // Events before the cell are not its story; a cell with no process events has nothing to explain.
    @Test
    void ignoresEarlierEvents() {
        List<String> none = Explanation.sentences(List.of(new Event(Kind.STARTED, "Process-9", 9, CELL - 5, null, null, null)),
                CELL, "MainProcess", 1);
        assertTrue(none.isEmpty());
        assertNull(Explanation.bundle(none));
    }

    // Every ending has its meaning: exceptions, System.exit or Runtime.halt (the code cannot tell which), SIGTERM, SIGKILL.
    @Test
    void exitCodesAreExplained() {
        assertEquals("an exception or error ended it", Explanation.meaning(1));
        assertEquals("it called System.exit(3) or Runtime.halt(3)", Explanation.meaning(3));
        assertEquals("ended by SIGTERM: terminate()", Explanation.meaning(-15));
        assertEquals("killed by SIGKILL: kill() or the operating system", Explanation.meaning(-9));
    }

    // Many processes are counted, not told one by one, and the bundle has Markdown and plain text.
    @Test
    void manyProcessesAreSummarized() {
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            events.add(at(i, Kind.STARTED, "SpawnPoolWorker-" + i, 100 + i, null));
            events.add(at(50, Kind.EXITED, "SpawnPoolWorker-" + i, 100 + i, i == 8 ? -9 : 0));
        }
        List<String> sentences = Explanation.sentences(events, CELL, "MainProcess", 7);
        assertEquals(List.of("MainProcess (pid 7) started 8 processes; they printed 0 lines. 7 exited with code 0 (success)."
                + " 1 exited with code -9 (killed by SIGKILL: kill() or the operating system)."), sentences);
        assertTrue(Explanation.bundle(sentences).get("text/markdown").startsWith("**What happened**\n\n- MainProcess"));
    }

    // In the count, the processes that children started are told apart, and so are those that ended with them.
    @Test
    void manyProcessesCountThoseStartedBelow() {
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            events.add(Event.started("Process-" + i, 100 + i, CELL + i, "MainProcess", 7));
            events.add(Event.started("Process-" + i + ":1", 200 + i, CELL + 10 + i, "Process-" + i, 100 + i));
            events.add(at(50, Kind.EXITED, "Process-" + i, 100 + i, i == 4 ? -9 : 0));
            events.add(i == 4 ? new Event(Kind.EXITED, "Process-4:1", 204, CELL + 50_000_000, null, "Process-4", 70)
                    : at(40, Kind.EXITED, "Process-" + i + ":1", 200 + i, 0));
        }
        assertEquals(List.of("MainProcess (pid 7) started 4 processes, which started 4 more; they printed 0 lines. 6 exited with "
                + "code 0 (success). 1 exited with code -9 (killed by SIGKILL: kill() or the operating system). 1 ended with "
                + "the process that started it."), Explanation.sentences(events, CELL, "MainProcess", 7));
    }
}
