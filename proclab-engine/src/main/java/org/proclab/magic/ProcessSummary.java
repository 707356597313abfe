package org.proclab.magic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proclab.display.MimeBundle;
import org.proclab.display.Table;
import org.proclab.mp.Process;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.render.Durations;
import org.proclab.render.ProcessStory;
import org.proclab.render.ProcessTree;

/**
 * The summary {@code %%spawn} shows after its processes: one row per process with its name, pid,
 * exit code, wall time (from start to exit, from the event log) and the lines it printed, and below
 * it, indented, a row for each process it started (and they started). In notebooks it is an HTML
 * table whose last column quotes the first lines each process printed, so the cell's output can be
 * told apart by process; consoles and terminals get the table as text.
 * Public because the Java that {@code %%spawn} writes (and shows with {@code --show-java}) calls it.
 */
public final class ProcessSummary {
    /** How many of a process's lines the HTML table quotes. */
    static final int QUOTED_LINES = 3;

    private ProcessSummary() {
    }

    /** The summary of processes that were started and joined, to {@code display}. */
    public static MimeBundle of(List<Process> processes) {
        List<ProcessEvents.Event> events = ProcessEvents.all();
        List<ProcessStory> all = ProcessStory.all(events);
        Map<Long, ProcessStory> stories = new HashMap<>();
        all.forEach(story -> stories.put(story.pid(), story));
        List<ProcessTree.Placed<ProcessStory>> tree = ProcessTree.of(all, ProcessStory::pid, ProcessStory::parentPid);
        List<String> header = List.of("process", "pid", "exit code", "time", "lines printed");
        List<List<String>> text = new ArrayList<>(List.of(header));
        List<String> htmlHeader = new ArrayList<>(header);
        htmlHeader.add("output");
        List<List<String>> html = new ArrayList<>(List.of(htmlHeader));
        for (Process process : processes) {
            ProcessStory story = process.pid() == null ? null : stories.get(process.pid());
            addRow(text, html, process.name(), process.pid() == null ? "" : process.pid().toString(),
                    String.valueOf(process.exitCode()), story, events);
            if (story != null) {
                for (ProcessTree.Placed<ProcessStory> below : ProcessTree.below(tree, story)) {
                    ProcessStory started = below.item();
                    addRow(text, html, ProcessTree.label(started.name(), below.depth()), Long.toString(started.pid()),
                            String.valueOf(started.exitCode()), started, events);
                }
            }
        }
        return MimeBundle.plain(Table.of(text).text()).with("text/html", Table.of(html).html());
    }

    private static void addRow(List<List<String>> text, List<List<String>> html, String name, String pid, String exitCode,
                               ProcessStory story, List<ProcessEvents.Event> events) {
        boolean timed = story != null && story.startedAt() != null && story.exitedAt() != null;
        List<String> row = List.of(name, pid, exitCode, timed ? Durations.millis(story.exitedAt() - story.startedAt()) : "",
                Integer.toString(story == null ? 0 : story.lines()));
        text.add(row);
        List<String> htmlRow = new ArrayList<>(row);
        htmlRow.add(story == null ? "" : quoted(events, story));
        html.add(htmlRow);
    }

    /** The first lines the process printed, one per line, and how many more there were. */
    private static String quoted(List<ProcessEvents.Event> events, ProcessStory story) {
        List<String> lines = new ArrayList<>();
        for (ProcessEvents.Event event : events) {
            if (event.pid() == story.pid() && event.kind() == ProcessEvents.Kind.PRINTED && lines.size() < QUOTED_LINES) {
                lines.add(event.detail());
            }
        }
        if (story.lines() > lines.size()) {
            lines.add("… " + (story.lines() - lines.size()) + " more");
        }
        return String.join("\n", lines);
    }
}
