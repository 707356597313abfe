package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proclab.magic.CellClock;
import org.proclab.mp.Pool;
import org.proclab.mp.Process;

// Check asks the kernel's event log which processes really ran, so an answer typed in by hand fails.
class CheckProcessesTest {

    @BeforeEach
    void newNotebook() {
        CellClock.cellStarted();
        Check.notebookStarted();
    }

    // A child that ran is recorded with its pid, name, parent, exit code and a life between our clock readings.
    @Test
    void recordsAChildThatRanWithItsExitCodeAndLife() throws InterruptedException {
        long before = System.nanoTime();
        Process child = new Process(() -> System.exit(7), "worker-1");
        child.start();
        child.join();
        long after = System.nanoTime();

        ProcessRecord record = Check.processes().withPid(child.pid()).orElseThrow();
        assertEquals(List.of("worker-1", 7, ProcessHandle.current().pid()),
                List.of(record.name(), record.exitCode(), record.parentPid()));
        assertTrue(record.livedWithin(before, after), record + " lived outside the readings around start() and join()");
        assertFalse(record.ranTasks(), "a plain process runs no pool task");
    }

    // A killed child's record says -9, so "killedCode = -9" passes only with a killed child behind it.
    @Test
    void aKilledChildIsRecordedWithMinusNine() throws InterruptedException {
        Process sleeper = new Process(() -> Thread.sleep(60_000));
        sleeper.start();
        sleeper.kill();
        sleeper.join();

        assertEquals(-9, Check.processes().withPid(sleeper.pid()).orElseThrow().exitCode());
        assertTrue(Check.processes().withPid(ProcessHandle.current().pid()).isEmpty(), "the notebook is not its own child");
    }

    // The workers that ran a map's tasks are the processes whose pids the tasks returned.
    @Test
    void poolWorkersThatRanTasksAreTheOnesTheResultsName() throws Exception {
        Check.Observed<List<Long>> mapped = Check.observe(() -> {
            try (var pool = new Pool(2)) {
                return pool.map(x -> ProcessHandle.current().pid(), List.of(1, 2, 3, 4, 5, 6, 7, 8), 1);
            }
        });

        ProcessRecords workers = mapped.processes().workers();
        assertEquals(new HashSet<>(mapped.value()), workers.pids());
        assertEquals(8, workers.tasks().size(), "one task per chunk of one item");
        assertTrue(workers.tasks().stream().allMatch(task -> task.began() - mapped.startedAt() >= 0
                && mapped.endedAt() - task.ended() >= 0), "every task ran during the call");
        assertTrue(workers.stream().allMatch(worker -> worker.name().startsWith("SpawnPoolWorker-")), workers.toString());
    }

    // observe() reports the processes started during the call, not those started before it.
    @Test
    void observeSeesOnlyTheProcessesStartedDuringTheCall() throws Exception {
        Process earlier = new Process(() -> { });
        earlier.start();
        earlier.join();

        Check.Observed<Long> observed = Check.observe(() -> {
            Process during = new Process(() -> { });
            during.start();
            during.join();
            return during.pid();
        });

        assertEquals(Set.of(observed.value()), observed.processes().pids());
        ProcessRecord during = observed.processes().list().get(0);
        assertTrue(during.life().compareTo(observed.took()) <= 0, during.life() + " is longer than the call, " + observed.took());
    }

    // "Since the last check" starts at the last check of an earlier cell, and keeps that start for every
    // check of the current cell.
    @Test
    void sinceLastCheckBeginsAtTheLastCheckOfAnEarlierCell() throws InterruptedException {
        Process beforeTheCheck = started();
        Check.that("a check in an earlier cell", true, "");
        CellClock.cellStarted();
        Process afterTheCheck = started();

        assertEquals(Set.of(afterTheCheck.pid()), Check.processesSinceLastCheck().pids());
        Check.that("a first check in this cell", true, "");
        assertEquals(Set.of(afterTheCheck.pid()), Check.processesSinceLastCheck().pids(),
                "the first check of this cell does not close the window");
        assertTrue(Check.processes().pids().containsAll(Set.of(beforeTheCheck.pid(), afterTheCheck.pid())));
    }

    // A typed constant with no process behind it fails; the same check passes with the process.
    @Test
    void aCheckOnTheRecordFailsForATypedConstant() throws InterruptedException {
        Integer typedCode = -15;
        assertThrows(Check.Failed.class, () -> Check.that("a terminated child's exit code",
                Check.processesSinceLastCheck().stream().anyMatch(p -> typedCode.equals(p.exitCode())), "terminate one"));

        CellClock.cellStarted();
        Process sleeper = new Process(() -> Thread.sleep(60_000));
        sleeper.start();
        sleeper.terminate();
        sleeper.join();
        Check.that("a terminated child's exit code",
                Check.processesSinceLastCheck().stream().anyMatch(p -> typedCode.equals(p.exitCode())), "terminate one");
    }

    // A prediction passes once a process has run after it was noted; one without an answer, or noted
    // after the run, fails.
    @Test
    void aPredictionMustComeBeforeTheRun() throws InterruptedException {
        Check.Prediction<String> blank = Check.predict("which box changes", " ");
        started();
        assertThrows(Check.Failed.class, () -> Check.predictedBeforeRun(blank, "the first"));

        Check.Prediction<String> afterTheRun = Check.predict("which box changes", "the second");
        assertThrows(Check.Failed.class, () -> Check.predictedBeforeRun(afterTheRun, "the first"));

        Check.Prediction<String> beforeTheRun = Check.predict("which box changes", "the second");
        started();
        Check.predictedBeforeRun(beforeTheRun, "the first");
        Check.predictedBeforeRun(beforeTheRun);
        assertThrows(Check.Failed.class, () -> Check.predictedBeforeRun(blank));
    }

    private static Process started() throws InterruptedException {
        Process process = new Process(() -> { });
        process.start();
        process.join();
        return process;
    }
}
