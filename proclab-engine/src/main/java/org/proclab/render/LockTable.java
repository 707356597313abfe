package org.proclab.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.proclab.display.Html;
import org.proclab.display.Table;
import org.proclab.mp.LockSurvey;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * What {@code %locks} shows: the session's locks, semaphores and conditions (which one, its state,
 * the thread holding it, the threads waiting and for how long), named after the notebook's
 * variables, and below them every wait cycle as a deadlock, in words and as a wait-for graph
 * ({@link WaitForGraph}). An HTML table for notebooks;
 * for text, one line per object (no padded columns, whose widths would change with the pids); the
 * explanation reuses the deadlock sentences.
 */
public final class LockTable {
    private final LockSurvey survey;
    private final Map<String, String> names;

    private LockTable(LockSurvey survey, Map<String, String> names) {
        this.survey = survey;
        this.names = names;
    }

    /** Surveys the session's locks now, naming them after {@code variables} (the notebook's, name → value). */
    public static LockTable now(Map<String, Object> variables) {
        Map<Long, String> processNames = new HashMap<>();
        ProcessStory.all(ProcessEvents.all()).forEach(story -> processNames.put(story.pid(), story.name()));
        return new LockTable(LockSurvey.take(processNames), LockSurvey.namesOf(variables));
    }

    /** One sentence per wait cycle, e.g. {@code Deadlock: Process-1 (pid 1, thread main) holds a and waits for b; ...}. */
    public List<String> deadlockSentences() {
        return survey.deadlocks().stream().map(deadlock -> "Deadlock: " + deadlock.describe(names)
                + " None of them can go on until one is stopped (terminate()) or gives up (acquire with a timeout).").toList();
    }

    /**
     * The table and the deadlocks as a MIME bundle. Shown: what is held or waited for, or named by a
     * variable; with {@code all}, every object; a last line counts the free ones left out.
     */
    public Map<String, String> bundle(boolean all) {
        List<LockSurvey.Entry> shown = survey.entries().stream()
                .filter(entry -> all || entry.busy() || names.containsKey(entry.id())).toList();
        int left = survey.entries().size() - shown.size();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        if (shown.isEmpty()) {
            String none = survey.entries().isEmpty() ? "No locks, semaphores or conditions yet."
                    : "Nothing is held or waited for (" + left + " free; %locks --all lists them).";
            plain.append(none).append('\n');
            html.append("<p>").append(Html.escape(none)).append("</p>\n");
        } else {
            shown.forEach(entry -> plain.append(line(entry)).append('\n'));
            html.append(Table.of(rows(shown)).html());
            if (left > 0) {
                String more = left + " more, free and not named by a variable (%locks --all lists them).";
                plain.append(more).append('\n');
                html.append("<p>").append(Html.escape(more)).append("</p>\n");
            }
        }
        List<String> sentences = deadlockSentences();
        Map<String, String> bundle = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            String graph = WaitForGraph.svg(survey.deadlocks().get(i), names);
            plain.append(sentences.get(i)).append('\n');
            html.append("<p><b>Deadlock:</b> ").append(Html.escape(sentences.get(i).substring("Deadlock: ".length())))
                    .append("</p>\n").append(graph);
            bundle.putIfAbsent("image/svg+xml", graph.replaceFirst("<svg ", "<svg style=\"color:#212121;background-color:#ffffff\" "));
        }
        bundle.put("text/plain", plain.toString());
        bundle.put("text/html", html.toString());
        return bundle;
    }

    private List<List<String>> rows(List<LockSurvey.Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "kind", "state", "held by", "waiting"));
        for (LockSurvey.Entry entry : entries) {
            rows.add(List.of(names.getOrDefault(entry.id(), entry.id()), entry.kind(), entry.state(), holder(entry),
                    waiters(entry)));
        }
        return rows;
    }

    /** One object on one line, for text: {@code pen (Lock): locked by alice (pid 8, thread main); waiting: bob (...) for 2,104 ms}. */
    private String line(LockSurvey.Entry entry) {
        StringBuilder line = new StringBuilder(names.getOrDefault(entry.id(), entry.id())).append(" (").append(entry.kind())
                .append("): ").append(entry.state());
        if (entry.holder() != null) {
            line.append(" by ").append(holder(entry));
        }
        if (!entry.waiters().isEmpty()) {
            line.append("; waiting: ").append(waiters(entry).replace("\n", ", "));
        }
        return line.toString();
    }

    private static String holder(LockSurvey.Entry entry) {
        if (entry.holder() == null) {
            return entry.kind().equals("Semaphore") ? "(no owner)" : "";
        }
        return entry.holder().describe() + (entry.holderEnded() ? ", ended: the next waiter takes it over" : "");
    }

    private static String waiters(LockSurvey.Entry entry) {
        List<String> lines = new ArrayList<>();
        for (LockSurvey.Waiter waiter : entry.waiters()) {
            lines.add(waiter.party().describe() + (waiter.forSignal() ? ", for a signal," : "") + " for "
                    + Durations.millis(waiter.waitedMillis() * 1_000_000L));
        }
        return String.join("\n", lines);
    }
}
