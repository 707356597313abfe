package org.proclab.magic;

import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.Process;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * The summary {@code %%spawn} prints after its processes: one row per process with its name, pid,
 * exit code, wall time (from start to exit, from the event log) and the lines it printed. Public
 * because the Java that {@code %%spawn} writes (and shows with {@code --show-java}) calls it.
 */
public final class ProcessSummary {
    private ProcessSummary() {
    }

    /** Prints the summary of processes that were started and joined. */
    public static void print(List<Process> processes) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("process", "pid", "exit code", "time", "lines printed"));
        List<ProcessEvents.Event> events = ProcessEvents.all();
        for (Process process : processes) {
            long pid = process.pid() == null ? -1 : process.pid();
            Long started = null;
            Long ended = null;
            int lines = 0;
            for (ProcessEvents.Event event : events) {
                if (event.pid() != pid) {
                    continue;
                }
                switch (event.kind()) {
                    case STARTED -> started = event.nanoTime();
                    case PRINTED -> lines++;
                    case EXITED -> ended = event.nanoTime();
                }
            }
            table.add(List.of(process.name(), process.pid() == null ? "" : process.pid().toString(),
                    String.valueOf(process.exitCode()),
                    started == null || ended == null ? "" : (ended - started) / 1_000_000 + " ms",
                    Integer.toString(lines)));
        }
        System.out.print(TextTable.render(table));
    }
}
