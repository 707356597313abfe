package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.awaitGone;
import static org.proclab.mp.MpTesting.childMainPids;
import static org.proclab.mp.MpTesting.isRunning;
import static org.proclab.mp.MpTesting.runsChildMain;
import static org.proclab.mp.MpTesting.workingChildPids;
import static org.proclab.mp.MpTesting.waitUntil;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proclab.mp.MpTesting.Captured;
import org.proclab.mp.spawn.ChildMain;
import org.proclab.mp.spawn.ChildProcess;
import org.proclab.mp.spawn.Reservoir;

/**
 * {@link Process} with real child JVMs. Every task here is a lambda that captures nothing but local
 * values (never the test instance), so it travels to the child, which finds this class on its class
 * path. Every started process is killed and reaped in {@link #killStarted()}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessTest {
    private static final Pattern PROCESS_NAME = Pattern.compile("Process-(\\d+)");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killStarted() throws InterruptedException {
        for (Process process : started) {
            if (process.pid() != null) {
                process.kill();
                process.join(LONG);
            }
        }
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private Process track(Process process) {
        started.add(process);
        return process;
    }

    // Before start() a process has no pid, no exit code and is not alive.
    @Test
    void unstartedProcessHasNoPidNorExitCode() {
        Process process = new Process(() -> { });
        assertNull(process.pid());
        assertNull(process.exitCode());
        assertFalse(process.isAlive());
        assertTrue(process.toString().contains("initial"), process.toString());
    }

    // start() runs the task in a child JVM and join() waits until it has finished, with exit code 0.
    @Test
    void startAndJoinRunTheTaskAndExitWithZero() throws InterruptedException {
        Process process = track(new Process(() -> System.out.println("task ran")));
        try (Captured captured = new Captured()) {
            assertTrue(process.start() == process);
            process.join();
            assertTrue(captured.out().contains("task ran\n"), captured.out());
        }
        assertEquals(0, process.exitCode());
        assertFalse(process.isAlive());
        assertTrue(process.toString().contains("exitcode=0"), process.toString());
        assertFalse(ChildProcess.live().stream().anyMatch(child -> child.pid() == process.pid()));
    }

    // A child's System.in is at its end at once, as /dev/null is for a child of Python's multiprocessing:
    // the child's real standard input carries its parent's frames and must not reach the task.
    @Test
    void systemInOfAChildReadsNothing() throws InterruptedException {
        Process process = track(new Process(() -> System.out.println("read " + System.in.read())));
        try (Captured captured = new Captured()) {
            process.start().join();
            assertEquals("read -1\n", captured.out());
        }
        assertEquals(0, process.exitCode());
    }

    // pid() is a real OS process, a direct child of this JVM running ChildMain, that exists while the task runs.
    @Test
    void pidIsARealChildProcessOfThisJvm() throws InterruptedException {
        Process process = track(new Process(() -> Thread.sleep(60_000))).start();
        long pid = process.pid();
        assertNotEquals(ProcessHandle.current().pid(), pid);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        assertTrue(handle.isPresent() && handle.get().isAlive(), "no OS process with pid " + pid);
        assertEquals(Optional.of(ProcessHandle.current().pid()), handle.get().parent().map(ProcessHandle::pid));
        assertTrue(runsChildMain(pid), "pid " + pid + " does not run " + ChildMain.class.getName());
        assertTrue(process.isAlive());
        process.kill();
        process.join();
        assertTrue(awaitGone(pid, LONG), "pid " + pid + " still runs after join");
    }

    // The exit code stays null while the child runs, and join(timeout) returns while it is still running.
    @Test
    void exitCodeIsNullWhileRunningAndTimedJoinReturns() throws InterruptedException {
        Process process = track(new Process(() -> Thread.sleep(60_000))).start();
        assertNull(process.exitCode());
        process.join(Duration.ofMillis(300));
        assertTrue(process.isAlive());
        assertNull(process.exitCode());
        assertTrue(process.toString().contains("started"), process.toString());
    }

    // An uncaught exception in the task ends the child with exit code 1.
    @Test
    void uncaughtExceptionGivesExitCodeOne() throws InterruptedException {
        Process process = track(new Process(() -> {
            throw new IllegalStateException("boom");
        }));
        try (Captured captured = new Captured()) {
            process.start();
            process.join();
            assertTrue(captured.err().contains("boom"), captured.err());
        }
        assertEquals(1, process.exitCode());
        assertFalse(process.isAlive());
    }

    // System.exit(7) in the task becomes exit code 7.
    @Test
    void systemExitInTaskBecomesTheExitCode() throws InterruptedException {
        Process process = track(new Process(() -> System.exit(7))).start();
        process.join();
        assertEquals(7, process.exitCode());
    }

    // System.exit(130) or System.exit(137) is the child's own exit, not SIGINT or SIGKILL (which the JVM
    // would also report as 130 and 137).
    @ParameterizedTest
    @ValueSource(ints = {130, 137})
    void systemExitAbove128IsNotASignal(int status) throws InterruptedException {
        Process process = track(new Process(() -> System.exit(status))).start();
        process.join();
        assertEquals(status, process.exitCode());
    }

    // terminate() of a sleeping child ends it with SIGTERM: exit code -15.
    @Test
    void terminateGivesMinusFifteen() throws InterruptedException {
        Process process = track(new Process(() -> Thread.sleep(60_000))).start();
        long pid = process.pid();
        process.terminate();
        process.join();
        assertEquals(-15, process.exitCode());
        assertFalse(process.isAlive());
        assertTrue(awaitGone(pid, LONG));
    }

    // kill() of a sleeping child ends it with SIGKILL: exit code -9.
    @Test
    void killGivesMinusNine() throws InterruptedException {
        Process process = track(new Process(() -> Thread.sleep(60_000))).start();
        process.kill();
        process.join();
        assertEquals(-9, process.exitCode());
        assertFalse(process.isAlive());
    }

    // Process.current() in this JVM is the main process, with this JVM's pid.
    @Test
    void currentProcessHereIsMainProcess() {
        assertEquals("MainProcess", Process.current().name());
        assertEquals(ProcessHandle.current().pid(), Process.current().pid());
        assertTrue(Process.current().isAlive());
        assertThrows(IllegalStateException.class, () -> Process.current().start());
        assertThrows(IllegalStateException.class, () -> Process.current().join());
    }

    // Inside the child, Process.current().name() is the child's own name (Process-N).
    @Test
    void currentProcessInChildIsTheChildsName() throws InterruptedException {
        Process process = track(new Process(() -> System.out.println("I am " + Process.current().name())));
        assertTrue(PROCESS_NAME.matcher(process.name()).matches(), process.name());
        try (Captured captured = new Captured()) {
            process.start();
            process.join();
            assertTrue(captured.out().contains("I am " + process.name() + "\n"), captured.out());
        }
    }

    // The naming counter gives every new process a distinct Process-N name, N increasing.
    @Test
    void namingCounterGivesDistinctNames() {
        Process first = new Process(() -> { });
        Process second = new Process(() -> { });
        Matcher a = PROCESS_NAME.matcher(first.name());
        Matcher b = PROCESS_NAME.matcher(second.name());
        assertTrue(a.matches(), first.name());
        assertTrue(b.matches(), second.name());
        assertTrue(Integer.parseInt(b.group(1)) > Integer.parseInt(a.group(1)), first.name() + " / " + second.name());
        assertEquals("worker", new Process(() -> { }, "worker").name());
    }

    // Starting a process twice is refused with an IllegalStateException that says "twice".
    @Test
    void startingTwiceIsRefused() throws InterruptedException {
        Process process = track(new Process(() -> { })).start();
        process.join();
        IllegalStateException e = assertThrows(IllegalStateException.class, process::start);
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> process.daemon(true));
    }

    // join() before start() is refused with an IllegalStateException that mentions start.
    @Test
    void joinBeforeStartIsRefused() {
        Process process = new Process(() -> { });
        IllegalStateException e = assertThrows(IllegalStateException.class, process::join);
        assertTrue(e.getMessage().contains("start"), e.getMessage());
        IllegalStateException timed = assertThrows(IllegalStateException.class, () -> process.join(Duration.ofMillis(10)));
        assertTrue(timed.getMessage().contains("start"), timed.getMessage());
    }

    // A task capturing a non-serializable value (a Thread) fails in start() naming java.lang.Thread, and no child is started.
    @Test
    void capturedThreadIsRefusedBeforeAnyChildStarts() {
        Thread thread = new Thread(() -> { });
        Process process = new Process(() -> System.out.println(thread.getName()));
        Set<ChildProcess> liveBefore = ChildProcess.live();
        Set<Long> pidsBefore = workingChildPids();
        NotSerializableValueException e = assertThrows(NotSerializableValueException.class, process::start);
        assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        assertTrue(e.getMessage().contains(process.name()), e.getMessage());
        assertNull(process.pid());
        assertFalse(process.isAlive());
        assertEquals(liveBefore, ChildProcess.live());
        Set<Long> started = workingChildPids();
        started.removeAll(pidsBefore);
        assertEquals(Set.of(), started);
    }

    // A java command that does not exist makes start() throw ProcessStartException.
    @Test
    void badJavaCommandGivesProcessStartException() {
        MpContext noJava = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withJavaCommand("/nonexistent/java"));
        Process process = noJava.process(() -> { });
        ProcessStartException e = assertThrows(ProcessStartException.class, process::start);
        assertTrue(e.getMessage().contains("/nonexistent/java"), e.getMessage());
        assertNull(process.pid());
    }

    // With maxLiveChildren(1) and one child running, a second start() throws ProcessStartException naming the limit.
    @Test
    void liveChildrenLimitIsEnforced() throws InterruptedException {
        MpContext one = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withMaxLiveChildren(1));
        assertTrue(placeComesFree(one), "no place came free: " + ChildProcess.live());
        Process first = track(one.process(() -> Thread.sleep(60_000))).start();
        Process second = one.process(() -> { });
        ProcessStartException e = assertThrows(ProcessStartException.class, second::start);
        assertTrue(e.getMessage().contains("limit is 1"), e.getMessage());
        assertNull(second.pid());
        assertTrue(first.isAlive());
    }

    // A joined child's place is free for the next start: with maxLiveChildren(1), starting a child right
    // after joining the one before never meets the limit, though the joined child's JVM may still be exiting
    // (a pool of a cell run in a loop under MEM_LIMIT did meet it).
    @Test
    void joinedChildHasGivenItsPlaceBack() throws InterruptedException {
        MpContext one = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withMaxLiveChildren(1));
        assertTrue(placeComesFree(one), "no place came free: " + ChildProcess.live());
        for (int round = 0; round < 8; round++) {
            Process child = track(one.process(() -> { })).start();
            child.join();
            assertEquals(0, child.exitCode(), "round " + round);
        }
    }

    /**
     * Whether a child starts and is joined under {@code context}'s limit within {@link MpTesting#LONG}.
     * Other tests' JVMs hold places too, though none is a live child of this one: warm JVMs waiting in
     * a reservoir (retired here first; a start retires only one) and children still exiting (their
     * places come back when they have exited).
     */
    private boolean placeComesFree(MpContext context) throws InterruptedException {
        Reservoir.drainAll();
        return waitUntil(() -> startsAndJoins(context), LONG);
    }

    private boolean startsAndJoins(MpContext context) {
        try {
            track(context.process(() -> { })).start().join();
            return true;
        } catch (ProcessStartException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // Live children are limited however they are started: Pool(4) with maxLiveChildren(2) fails with ProcessStartException naming the limit.
    @Test
    void poolBeyondTheLiveChildrenLimitIsRefused() throws InterruptedException {
        assertTrue(waitUntil(() -> ChildProcess.live().isEmpty(), LONG), "children still live: " + ChildProcess.live());
        MpContext two = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withMaxLiveChildren(2));
        try {
            ProcessStartException e = assertThrows(ProcessStartException.class, () -> two.pool(4),
                    () -> "live children: " + ChildProcess.live().size());
            assertTrue(e.getMessage().contains("limit is 2"), e.getMessage());
        } finally {
            MpTesting.killLeftoverChildren();
        }
    }

    // A java command that starts but exits before connecting back: start() returns, join() throws
    // ProcessStartException naming the process, and the exit code is the command's status.
    @Test
    void childThatExitsBeforeConnectingFailsJoin() throws InterruptedException {
        MpContext falseJava = MpContext.get(StartMethod.SPAWN).withSettings(settings -> settings.withJavaCommand("/bin/false"));
        Process process = falseJava.process(() -> { }).start();
        assertNotNull(process.pid());
        ProcessStartException e = assertThrows(ProcessStartException.class, process::join);
        assertTrue(e.getMessage().contains("before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains(process.name()), e.getMessage());
        assertEquals(1, process.exitCode());
        assertTrue(ChildProcess.live().isEmpty(), ChildProcess.live().toString());
    }

    // A child whose parent JVM is killed with SIGKILL exits by itself within 2 s (its standard input reaches end-of-file).
    @Test
    void childExitsWithinTwoSecondsWhenItsParentIsKilled(@TempDir Path tmp) throws Exception {
        assertChildFollowsItsKilledParent(tmp, "");
    }

    // So does a child that has closed its pipes on the way out but still runs a shutdown hook of its task.
    @Test
    void childInAShutdownHookExitsWithinTwoSecondsWhenItsParentIsKilled(@TempDir Path tmp) throws Exception {
        assertChildFollowsItsKilledParent(tmp, OrphanParentMain.IN_SHUTDOWN_HOOK);
    }

    /**
     * Runs {@link OrphanParentMain} with {@code mode}, waits until its child is running (and, in a
     * shutdown hook, has said so), kills the middle JVM and checks that the child is gone within 2 s.
     */
    private static void assertChildFollowsItsKilledParent(Path tmp, String mode) throws Exception {
        java.lang.Process middle = new ProcessBuilder(MpTesting.javaExecutable(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), OrphanParentMain.class.getName(), mode)
                .redirectErrorStream(true)
                .start();
        long grandchild = -1;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(middle.getInputStream(), StandardCharsets.UTF_8));
            grandchild = assertTimeoutPreemptively(LONG, () -> {
                StringBuilder seen = new StringBuilder();
                long pid = -1;
                boolean inHook = false;
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("CHILD_PID ")) {
                        pid = Long.parseLong(line.substring("CHILD_PID ".length()).strip());
                    }
                    inHook |= line.equals("IN_SHUTDOWN_HOOK");
                    if (pid > 0 && (inHook || mode.isEmpty())) {
                        return pid;
                    }
                    seen.append(line).append('\n');
                }
                throw new AssertionError("the middle JVM ended before its child was ready:\n" + seen);
            });
            assertTrue(isRunning(grandchild), "grandchild " + grandchild + " is not running");
            assertEquals(Optional.of(middle.pid()), ProcessHandle.of(grandchild).flatMap(ProcessHandle::parent).map(ProcessHandle::pid));

            assertTrue(middle.toHandle().destroyForcibly());
            long killedAt = System.nanoTime();
            long pid = grandchild;
            boolean gone = waitUntil(() -> !isRunning(pid), Duration.ofSeconds(2));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            assertTrue(gone, "grandchild " + pid + " still runs " + millis + " ms after its parent was killed");
        } finally {
            middle.destroyForcibly();
            middle.waitFor(30, TimeUnit.SECONDS);
            if (grandchild > 0) {
                ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
