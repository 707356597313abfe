package org.proclab.magic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proclab.display.Table;
import org.proclab.mp.Process;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.render.ProcessStory;

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
        Map<Long, ProcessStory> stories = new HashMap<>();
        ProcessStory.all(ProcessEvents.all()).forEach(story -> stories.put(story.pid(), story));
        for (Process process : processes) {
            ProcessStory story = process.pid() == null ? null : stories.get(process.pid());
            boolean timed = story != null && story.startedAt() != null && story.exitedAt() != null;
            table.add(List.of(process.name(), process.pid() == null ? "" : process.pid().toString(),
                    String.valueOf(process.exitCode()),
                    timed ? (story.exitedAt() - story.startedAt()) / 1_000_000 + " ms" : "",
                    Integer.toString(story == null ? 0 : story.lines())));
        }
        System.out.print(Table.of(table).text());
    }
}
