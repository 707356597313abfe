package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.MpTesting.Captured;
import org.proclab.mp.spawn.ChildMain;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

/**
 * Processes that a child starts (grandchildren of this JVM) appear in this JVM's event log, as its
 * own children do. The children's tasks are static methods of this class, which every child finds on
 * its class path; a child starts its own children with SPAWN, so that no reservoir of waiting JVMs
 * fills inside it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GrandchildrenTest {
    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    /** A child's task: starts a grandchild that prints two lines and exits with code 3, and joins it. */
    static void startGrandchildThatExitsWithThree() throws InterruptedException {
        Process.setStartMethod(StartMethod.SPAWN);
        Process grandchild = new Process(() -> {
            System.out.println("first line from below");
            System.out.println("second line from below");
            System.exit(3);
        });
        grandchild.start();
        grandchild.join();
        System.out.println("the child saw " + grandchild.exitCode());
    }

    // The grandchild's start (naming the child as its parent), its two lines, its join in the child and its
    // exit code 3 reach this JVM's log, the exit before the child's own. Its lines are counted for it, not for
    // the child, and reach System.out as they were printed, without marks.
    @Test
    void grandchildsStartLinesAndExitAreInTheParentsLog() throws InterruptedException {
        long before = System.nanoTime();
        Process child = new Process(GrandchildrenTest::startGrandchildThatExitsWithThree);
        String out = MpTesting.stdoutOf(child);
        assertEquals(0, child.exitCode());
        assertEquals("first line from below\nsecond line from below\nthe child saw 3\n", out);
        String grandchild = child.name() + ":1";
        List<Event> events = ProcessEvents.since(before);
        Event started = only(events, Kind.STARTED, grandchild);
        assertEquals(List.of(child.name(), child.pid()), List.of(started.detail(), started.parentPid()));
        assertTrue(started.nanoTime() - only(events, Kind.STARTED, child.name()).nanoTime() > 0,
                "times from the child's clock compare with ours");
        assertEquals(List.of("first line from below", "second line from below"), linesOf(events, grandchild, started.pid()));
        assertEquals(List.of("the child saw 3"), linesOf(events, child.name(), child.pid()));
        Event exited = only(events, Kind.EXITED, grandchild);
        assertEquals(3, exited.exitCode());
        assertEquals(started.pid(), exited.pid());
        assertEquals(1, events.stream().filter(e -> e.kind() == Kind.JOINED && e.process().equals(grandchild)).count());
        assertTrue(events.indexOf(exited) < events.indexOf(only(events, Kind.EXITED, child.name())), events.toString());
    }

    /** A child's task: starts a grandchild that works a while, and a daemon one that never ends; joins neither. */
    static void startGrandchildrenWithoutJoining() {
        new Process(() -> {
            Thread.sleep(500);
            System.out.println("the grandchild finished its work");
        }).start();
        new Process(() -> Thread.sleep(600_000)).daemon(true).start();
    }

    // As in Python, a child whose task returns waits for the processes it started and did not join, and
    // terminates its daemon ones, rather than leaving them to die with it.
    @Test
    void aChildWaitsForTheProcessesItDidNotJoin() throws InterruptedException {
        long before = System.nanoTime();
        Process child = new Process(GrandchildrenTest::startGrandchildrenWithoutJoining);
        String out = MpTesting.stdoutOf(child);
        assertEquals(0, child.exitCode());
        assertEquals("the grandchild finished its work\n", out);
        List<Event> events = ProcessEvents.since(before);
        assertEquals(0, only(events, Kind.EXITED, child.name() + ":1").exitCode());
        assertEquals(-15, only(events, Kind.EXITED, child.name() + ":2").exitCode());
    }

    /** A child's task: starts a grandchild that prints a prompt, waits for the answer, and prints it to end the line. */
    static void startGrandchildWithAPrompt(Queue<String> answers) throws InterruptedException {
        Process.setStartMethod(StartMethod.SPAWN);
        Process grandchild = new Process(() -> {
            System.out.print("name? ");
            System.out.flush();
            System.out.println(answers.get());
        });
        grandchild.start();
        grandchild.join();
    }

    // A grandchild's partial line (a prompt) shows at once, and both of its parts count for the grandchild.
    @Test
    void aGrandchildsPromptIsItsOwn() throws InterruptedException {
        long before = System.nanoTime();
        Queue<String> answers = new Queue<>();
        Process child = new Process(() -> startGrandchildWithAPrompt(answers));
        try (Captured captured = new Captured()) {
            child.start();
            assertTrue(MpTesting.waitUntil(() -> captured.out().equals("name? "), LONG), captured.out() + captured.err());
            answers.put("Ada");
            child.join(LONG);
            assertEquals("name? Ada\n", captured.out());
        }
        String grandchild = child.name() + ":1";
        List<Event> events = ProcessEvents.since(before);
        assertEquals(List.of("name? ", "Ada"), linesOf(events, grandchild, only(events, Kind.STARTED, grandchild).pid()));
        assertEquals(List.of(), linesOf(events, child.name(), child.pid()));
    }

    private static List<String> linesOf(List<Event> events, String process, long pid) {
        return events.stream().filter(e -> e.kind() == Kind.PRINTED && e.process().equals(process))
                .peek(e -> assertEquals(pid, e.pid(), e.toString())).map(Event::detail).toList();
    }

    /** A child's task: starts a grandchild that says it runs and sleeps, and sleeps too. */
    static void startSleepingGrandchild() throws Exception {
        Process.setStartMethod(StartMethod.SPAWN);
        new Process(() -> {
            System.out.println("the grandchild runs");
            Thread.sleep(60_000);
        }).start();
        Thread.sleep(60_000);
    }

    // A child killed by a signal cannot pass on its grandchild's end (the grandchild follows its parent):
    // this JVM records one, with the code such a grandchild exits with and the name of the killed child.
    @Test
    void aKilledChildsGrandchildGetsAnEnd() throws InterruptedException {
        long before = System.nanoTime();
        Process child = new Process(GrandchildrenTest::startSleepingGrandchild);
        try (Captured captured = new Captured()) {
            child.start();
            assertTrue(MpTesting.waitUntil(() -> captured.out().contains("the grandchild runs\n"), LONG),
                    captured.out() + captured.err());
            child.kill();
            child.join(LONG);
        }
        assertEquals(-9, child.exitCode());
        List<Event> events = ProcessEvents.since(before);
        Event exited = only(events, Kind.EXITED, child.name() + ":1");
        assertEquals(ChildMain.PARENT_GONE, exited.exitCode());
        assertEquals(child.name(), exited.detail());
        assertTrue(MpTesting.awaitGone(exited.pid(), LONG), "the grandchild follows its killed parent");
    }

    private static Event only(List<Event> events, Kind kind, String process) {
        List<Event> found = events.stream().filter(e -> e.kind() == kind && e.process().equals(process)).toList();
        assertEquals(1, found.size(), kind + " of " + process + " in " + events);
        return found.get(0);
    }
}
