package org.proclab.mp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.proclab.mp.spawn.ChildMain;
import org.proclab.mp.spawn.ChildProcess;
import org.proclab.mp.spawn.Reservoir;

/** Helpers shared by the process-library tests: output capture, polling, OS process checks. */
final class MpTesting {
    /** Generous upper bound for anything that involves starting a JVM on a busy 2-core machine. */
    static final Duration LONG = Duration.ofSeconds(60);

    private MpTesting() {
    }

    /**
     * Replaces System.out and System.err with UTF-8 buffers until closed, then restores them. The
     * parent's output pumps look System.out/err up for every write, so children's output lands here.
     */
    static final class Captured implements AutoCloseable {
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Captured() {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** The lines of stdout that start with {@code prefix}, in the order they arrived. */
        List<String> outLines(String prefix) {
            return Arrays.stream(out().split("\n")).filter(line -> line.startsWith(prefix)).collect(Collectors.toList());
        }

        @Override
        public void close() {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code limit} has passed; returns whether it held. */
    static boolean waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** Whether an OS process with this pid exists and has not exited (a zombie counts as exited). */
    static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return true;
        }
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Waits until the process with this pid is gone; returns whether it went within {@code limit}. */
    static boolean awaitGone(long pid, Duration limit) throws InterruptedException {
        return waitUntil(() -> !isRunning(pid), limit);
    }

    /** Pids of this JVM's descendants that run ChildMain. */
    static Set<Long> childMainPids() {
        return ProcessHandle.current().descendants()
                .filter(p -> runsChildMain(p.pid()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The child JVMs that are not waiting in a reservoir (see {@link StartMethod#WARM}). */
    static Set<Long> workingChildPids() {
        Set<Long> pids = childMainPids();
        pids.removeAll(Reservoir.allWaitingPids());
        return pids;
    }

    /**
     * Whether the process runs ChildMain, read from {@code /proc/PID/cmdline}: the JDK's
     * {@code ProcessHandle.Info.commandLine()} cuts long command lines short, and a child's class
     * path under Maven (every jar of the local repository) is long enough to lose the class name.
     */
    static boolean runsChildMain(long pid) {
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return Arrays.asList(commandLine.split("\0")).contains(ChildMain.class.getName());
        } catch (IOException e) {
            return false;
        }
    }

    /** For a test class's {@code @AfterAll}: no child of this JVM may outlive its tests. */
    static void assertNoChildLeft() throws InterruptedException {
        killLeftoverChildren();
        if (!ChildProcess.live().isEmpty()) {
            throw new AssertionError("children left: " + ChildProcess.live());
        }
    }

    /** Starts a process, waits for it (bounded) and returns what it and its children printed on stdout. */
    static String stdoutOf(Process process) throws InterruptedException {
        try (Captured captured = new Captured()) {
            process.start();
            process.join(LONG);
            return captured.out();
        }
    }

    /** Joins a process (bounded) and checks that it ended with exit code 0. */
    static void assertFinishedCleanly(Process process) throws InterruptedException {
        process.join(LONG);
        if (!Integer.valueOf(0).equals(process.exitCode())) {
            throw new AssertionError("expected exit code 0: " + process);
        }
    }

    /** The processes one test started; {@link #killAll()} in {@code @AfterEach} ends those still running. */
    static final class StartedProcesses {
        private final List<Process> started = new ArrayList<>();

        Process start(Task task) {
            Process process = new Process(task);
            started.add(process);
            return process.start();
        }

        void killAll() throws InterruptedException {
            for (Process process : started) {
                process.kill();
                process.join(LONG);
            }
            started.clear();
        }
    }

    /** Kills every child this JVM still has registered and waits for them to be reaped. */
    static void killLeftoverChildren() throws InterruptedException {
        for (ChildProcess child : ChildProcess.live()) {
            child.kill();
            try {
                child.exitCode().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: reported by the assertion below
            }
        }
        waitUntil(() -> ChildProcess.live().isEmpty() && workingChildPids().isEmpty(), Duration.ofSeconds(10));
    }

    /** The java executable of this JVM, for starting separate test JVMs. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
