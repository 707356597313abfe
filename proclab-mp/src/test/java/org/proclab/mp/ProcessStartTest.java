package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.proclab.mp.spawn.ChildProcess;
import org.proclab.mp.spawn.ChildSettings;

/**
 * {@code start()} returns as soon as the OS process exists, as Python's does, and everything keeps
 * its meaning while the child boots. To know for certain that a child has not booted yet, the
 * children here run through a gate: a java command that waits until the test opens the gate
 * before it becomes the JVM. A {@code start()} that waited for its child to connect would never
 * return while the gate is closed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessStartTest {
    private static final Duration NO_WAIT_FOR_BOOT = Duration.ofSeconds(10);

    @TempDir
    Path directory;
    private Path gate;
    /** Starts children whose JVM waits until {@link #openGate()}. */
    private UnaryOperator<ChildSettings> gated;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void gateTheJavaCommand() throws IOException {
        String java = MpContext.defaultContext().settings().javaCommand();
        gate = directory.resolve("open");
        Path gatedJava = directory.resolve("gated-java");
        Files.writeString(gatedJava, "#!/bin/sh\nwhile [ ! -e '" + gate + "' ]; do sleep 0.01; done\nexec '"
                + java + "' \"$@\"\n");
        Files.setPosixFilePermissions(gatedJava, PosixFilePermissions.fromString("rwx------"));
        gated = settings -> settings.withJavaCommand(gatedJava.toString());
    }

    @AfterEach
    void killStarted() throws InterruptedException {
        for (Process process : started) {
            process.kill();
            try {
                process.join(LONG);
            } catch (ProcessStartException e) {
                // the test was about that child's failure to start
            }
        }
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private Process startTracked(Task task) {
        return startTracked(MpContext.get(StartMethod.SPAWN).withSettings(gated), task);
    }

    private Process startTracked(MpContext context, Task task) {
        Process process = context.process(task);
        started.add(process);
        return assertTimeoutPreemptively(NO_WAIT_FOR_BOOT, process::start,
                "start() waited for the child's JVM to boot");
    }

    private void openGate() throws IOException {
        Files.createFile(gate);
    }

    // start() returns while the child cannot have booted: it has a pid, is alive and has no exit code; it runs once it can.
    @Test
    void startReturnsBeforeTheChildHasBooted() throws Exception {
        Process process = startTracked(() -> System.out.println("ran in " + Process.current().name()));
        assertNotNull(process.pid());
        assertTrue(process.isAlive());
        assertNull(process.exitCode());
        String printed;
        try (MpTesting.Captured captured = new MpTesting.Captured()) {
            openGate();
            process.join();
            printed = captured.out();
        }
        assertEquals("ran in " + process.name() + "\n", printed);
        assertEquals(0, process.exitCode());
    }

    // Four start() calls in a loop give four live OS processes before any of them has booted: they boot together.
    @Test
    void processesStartedInALoopBootTogether() throws Exception {
        List<Process> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int number = i;
            four.add(startTracked(() -> System.out.println("number " + number)));
        }
        Set<Long> pids = new HashSet<>();
        for (Process process : four) {
            assertTrue(process.isAlive(), process.toString());
            pids.add(process.pid());
        }
        assertEquals(4, pids.size());
        List<String> lines;
        try (MpTesting.Captured captured = new MpTesting.Captured()) {
            openGate();
            for (Process process : four) {
                process.join();
            }
            lines = captured.outLines("number ");
        }
        assertEquals(Set.of("number 0", "number 1", "number 2", "number 3"), new HashSet<>(lines));
        four.forEach(process -> assertEquals(0, process.exitCode()));
    }

    // WARM with no JVM waiting starts a fresh one and does not wait for its boot either.
    @Test
    void warmStartWithAnEmptyReservoirReturnsAtOnce() throws Exception {
        MpContext warm = MpContext.get(StartMethod.WARM).withSettings(gated);
        try {
            Process process = startTracked(warm, () -> { });
            assertTrue(process.isAlive());
            openGate();
            process.join();
            assertEquals(0, process.exitCode());
        } finally {
            warm.reservoir().drain();
        }
    }

    // terminate() while the child boots ends it with -15, as a signal, not as a failure to start.
    @Test
    void terminateWhileBootingGivesMinusFifteen() throws Exception {
        Process process = startTracked(() -> System.out.println("never"));
        process.terminate();
        process.join();
        assertEquals(-15, process.exitCode());
        assertFalse(process.isAlive());
    }

    // kill() while the child boots ends it with -9.
    @Test
    void killWhileBootingGivesMinusNine() throws Exception {
        Process process = startTracked(() -> System.out.println("never"));
        process.kill();
        process.join();
        assertEquals(-9, process.exitCode());
    }

    // A timed join while the child boots returns with the child still alive, and a later join sees it end.
    @Test
    void timedJoinWhileBootingReturnsAlive() throws Exception {
        Process process = startTracked(() -> { });
        process.join(Duration.ofMillis(200));
        assertTrue(process.isAlive());
        openGate();
        process.join();
        assertEquals(0, process.exitCode());
    }

    // A child whose JVM cannot boot (a bad heap size) ends with the JVM's status, and join() names the cause.
    @Test
    void childThatCannotBootFailsJoinWithTheCause() throws Exception {
        MpContext badHeap = MpContext.get(StartMethod.SPAWN).withSettings(gated)
                .withSettings(settings -> settings.withHeap("5q"));
        Process process = startTracked(badHeap, () -> System.out.println("never"));
        openGate();
        ProcessStartException e = assertThrows(ProcessStartException.class, process::join);
        assertTrue(e.getMessage().contains(process.name()) && e.getMessage().contains("before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid maximum heap size"), e.getMessage());
        assertEquals(1, process.exitCode());
        assertFalse(ChildProcess.live().stream().anyMatch(child -> child.pid() == process.pid()));
    }

    // A pool whose workers cannot boot fails at once, naming the cause, instead of replacing them for ever.
    @Test
    void poolWhoseWorkersCannotBootFails() throws IOException {
        MpContext badHeap = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withHeap("5q"));
        openGate();
        ProcessStartException e = assertThrows(ProcessStartException.class, () -> badHeap.pool(2));
        assertTrue(e.getMessage().contains("Invalid maximum heap size"), e.getMessage());
    }
}
