package org.proclab.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.proclab.display.Html;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * A Gantt chart of processes: one lane per process (a process started by another one right below it,
 * its name indented: see {@link ProcessTree}), a box from its start to its exit (or to now),
 * inside it a box per task a pool worker ran (gaps between them are idle time), a tick for every
 * line it printed (its hover title shows the line), a time axis in milliseconds, hover titles, and a
 * key below the axis that names, in plain words, each kind of mark the chart draws (only those it
 * draws), so that a student need not hover to learn what a colour or the darker inner boxes mean. As
 * SVG for notebooks (inline in HTML, text and axes in {@code currentColor}, so light and dark themes
 * both read it) and as text for consoles and terminals, with a key of its own marks.
 */
public final class Timeline {
    private static final int LABEL_WIDTH = 170;
    /** How much wider the labels get per level of the process tree. */
    private static final int LABEL_INDENT = 14;
    private static final int PLOT_WIDTH = 600;
    private static final int LANE_HEIGHT = 26;
    private static final int AXIS_HEIGHT = 30;
    /** The height of one row of the key, below the axis. */
    private static final int KEY_ROW_HEIGHT = 20;
    /** A generous width of one character of the key's 12-pixel sans-serif text, to lay the key out. */
    private static final double KEY_CHAR_WIDTH = 7;
    private static final int KEY_SWATCH_WIDTH = 16;
    private static final int KEY_GAP = 16;
    private static final int TEXT_COLUMNS = 50;
    private static final int MAX_TITLE_LINE = 80;

    /** A kind of mark the chart draws, as its key names it; a process's bar has the colour of how it ended. */
    private enum Mark {
        EXITED_ZERO("start to exit, exit code 0", "#43a047"),
        EXITED_OTHER("start to exit, another exit code", "#e53935"),
        RUNNING("start to now, still running", "#1e88e5"),
        TASK("a task a pool worker ran", null),
        PRINT("a line it printed", null);

        final String words;
        /** The fill of a process's bar; null for the marks drawn in a bar's colour or in {@code currentColor}. */
        final String colour;

        Mark(String words, String colour) {
            this.words = words;
            this.colour = colour;
        }
    }

    /**
     * One process in the chart, with the tasks it ran (pool workers).
     *
     * @param depth     its level in the chart's process tree: 0 unless its parent has a lane too
     * @param startedBy the name of the process that started it
     */
    record Lane(String name, long pid, long start, long end, boolean running, Integer exitCode, List<Print> prints,
                List<Task> tasks, int depth, String startedBy) {
    }

    /** A line a process printed, and when: its tick's hover title shows the line. */
    record Print(long at, String line) {
    }

    /** A task a pool worker ran, from {@code start} to {@code end}. */
    record Task(String label, long start, long end) {
    }

    private final List<Lane> lanes;
    private final long origin;
    private final long span;
    private final int labelWidth;

    private Timeline(List<Lane> lanes, long origin, long span) {
        this.lanes = lanes;
        this.origin = origin;
        this.span = Math.max(span, 1_000_000);
        this.labelWidth = LABEL_WIDTH + LABEL_INDENT * lanes.stream().mapToInt(Lane::depth).max().orElse(0);
    }

    /** The chart of the processes that started at or after {@code sinceNanos}; null when there are none. */
    public static Timeline of(List<ProcessEvents.Event> events, long sinceNanos, long nowNanos) {
        Map<Long, ProcessEvents.Event> starts = new LinkedHashMap<>();
        Map<Long, ProcessEvents.Event> exits = new LinkedHashMap<>();
        Map<Long, List<Print>> prints = new LinkedHashMap<>();
        Map<Long, List<Task>> tasks = new LinkedHashMap<>();
        for (ProcessEvents.Event event : events) {
            if (event.kind() == ProcessEvents.Kind.STARTED && event.nanoTime() - sinceNanos >= 0) {
                starts.put(event.pid(), event);
                exits.remove(event.pid());
                prints.put(event.pid(), new ArrayList<>());
                tasks.put(event.pid(), new ArrayList<>());
            } else if (starts.containsKey(event.pid()) && event.kind() == ProcessEvents.Kind.TASK) {
                tasks.get(event.pid()).add(new Task(event.detail(), event.nanoTime(), event.endNanoTime()));
            } else if (starts.containsKey(event.pid()) && event.kind() == ProcessEvents.Kind.PRINTED) {
                prints.get(event.pid()).add(new Print(event.nanoTime(), event.detail()));
            } else if (starts.containsKey(event.pid()) && event.kind() == ProcessEvents.Kind.EXITED) {
                exits.put(event.pid(), event);
            }
        }
        if (starts.isEmpty()) {
            return null;
        }
        long origin = starts.values().stream().mapToLong(ProcessEvents.Event::nanoTime).min().orElseThrow();
        List<Lane> lanes = new ArrayList<>();
        long last = origin;
        for (ProcessTree.Placed<ProcessEvents.Event> placed : ProcessTree.of(List.copyOf(starts.values()),
                ProcessEvents.Event::pid, ProcessEvents.Event::parentPid)) {
            ProcessEvents.Event start = placed.item();
            ProcessEvents.Event exit = exits.get(start.pid());
            long end = exit == null ? nowNanos : exit.nanoTime();
            last = Math.max(last, end);
            lanes.add(new Lane(start.process(), start.pid(), start.nanoTime(), end, exit == null,
                    exit == null ? null : exit.exitCode(), prints.get(start.pid()), tasks.get(start.pid()), placed.depth(),
                    start.detail()));
        }
        return new Timeline(lanes, origin, last - origin);
    }

    /**
     * The MIME bundle: the SVG inline in HTML (it takes the text colour of the notebook's theme), the
     * SVG as an image (JupyterLab and VS Code draw images apart from the page, so it brings its own
     * light background and dark text), and plain text.
     */
    public Map<String, String> bundle() {
        return Map.of("text/html", "<div class=\"proclab-timeline\">\n" + svg() + "</div>\n",
                "image/svg+xml", svg().replaceFirst("<svg ", "<svg style=\"color:#212121;background-color:#ffffff\" "),
                "text/plain", text());
    }

    /** The chart as SVG whose text and axes are drawn in {@code currentColor}. */
    String svg() {
        int width = labelWidth + PLOT_WIDTH + 20;
        List<List<Mark>> keyRows = keyRows(width);
        int height = lanes.size() * LANE_HEIGHT + AXIS_HEIGHT + keyRows.size() * KEY_ROW_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height));
        svg.append("<title>Timeline of ").append(lanes.size()).append(lanes.size() == 1 ? " process" : " processes")
                .append("</title>\n");
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            int y = i * LANE_HEIGHT;
            double x0 = x(lane.start());
            double x1 = Math.max(x(lane.end()), x0 + 2);
            svg.append(format("<text x=\"%d\" y=\"%d\" fill=\"currentColor\">%s</text>\n", 4, y + 17,
                    Html.escape(label(lane) + " (" + lane.pid() + ")")));
            svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\" fill-opacity=\"0.75\">"
                    + "<title>%s</title></rect>\n", x0, y + 5, x1 - x0, LANE_HEIGHT - 10, colour(lane),
                    Html.escape(describe(lane))));
            for (Task task : lane.tasks()) {
                double t0 = x(task.start());
                svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"currentColor\" "
                        + "stroke-width=\"0.5\"><title>%s</title></rect>\n", t0, y + 8, Math.max(x(task.end()) - t0, 1.5),
                        LANE_HEIGHT - 16, colour(lane), Html.escape(task.label() + ": "
                        + Durations.millis(task.start() - origin) + " to " + Durations.millis(task.end() - origin))));
            }
            for (Print print : lane.prints()) {
                svg.append(format("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"currentColor\" stroke-width=\"1.5\">"
                        + "<title>%s</title></line>\n", x(print.at()), x(print.at()), y + 3, y + LANE_HEIGHT - 3,
                        Html.escape(lane.name() + " printed at " + Durations.millis(print.at() - origin) + ": "
                                + shortened(print.line()))));
            }
        }
        int axisY = lanes.size() * LANE_HEIGHT + 4;
        svg.append(format("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"currentColor\" stroke-opacity=\"0.6\"/>\n",
                labelWidth, labelWidth + PLOT_WIDTH, axisY, axisY));
        long step = niceStep(span / 5);
        for (long tick = 0; tick <= span; tick += step) {
            double x = x(origin + tick);
            svg.append(format("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"currentColor\" stroke-opacity=\"0.6\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" fill=\"currentColor\" text-anchor=\"middle\">%s</text>\n",
                    x, x, axisY, axisY + 4, x, axisY + 18, Durations.millis(tick)));
        }
        appendKey(svg, keyRows, lanes.size() * LANE_HEIGHT + AXIS_HEIGHT);
        return svg.append("</svg>\n").toString();
    }

    /** The kinds of mark the chart draws, in the key's order. */
    private List<Mark> marksDrawn() {
        List<Mark> marks = new ArrayList<>();
        for (Mark bar : List.of(Mark.EXITED_ZERO, Mark.EXITED_OTHER, Mark.RUNNING)) {
            if (lanes.stream().anyMatch(lane -> mark(lane) == bar)) {
                marks.add(bar);
            }
        }
        if (lanes.stream().anyMatch(lane -> !lane.tasks().isEmpty())) {
            marks.add(Mark.TASK);
        }
        if (lanes.stream().anyMatch(lane -> !lane.prints().isEmpty())) {
            marks.add(Mark.PRINT);
        }
        return marks;
    }

    /** The key's entries laid out in rows that fit {@code width}. */
    private List<List<Mark>> keyRows(int width) {
        List<List<Mark>> rows = new ArrayList<>();
        double x = width;
        for (Mark mark : marksDrawn()) {
            double entry = keyEntryWidth(mark);
            if (rows.isEmpty() || x + entry > width) {
                rows.add(new ArrayList<>());
                x = 4;
            }
            rows.get(rows.size() - 1).add(mark);
            x += entry;
        }
        return rows;
    }

    private static double keyEntryWidth(Mark mark) {
        return KEY_SWATCH_WIDTH + 4 + mark.words.length() * KEY_CHAR_WIDTH + KEY_GAP;
    }

    /**
     * The key, from {@code top} down: each entry a small copy of its mark, drawn as the chart draws it
     * (a task's box in the colour of the first lane that has one), and its words in {@code currentColor}.
     */
    private void appendKey(StringBuilder svg, List<List<Mark>> rows, int top) {
        svg.append("<g class=\"proclab-timeline-key\">\n");
        for (int row = 0; row < rows.size(); row++) {
            int y = top + row * KEY_ROW_HEIGHT;
            double x = 4;
            for (Mark mark : rows.get(row)) {
                svg.append(swatch(mark, x, y));
                svg.append(format("<text x=\"%.1f\" y=\"%d\" fill=\"currentColor\">%s</text>\n", x + KEY_SWATCH_WIDTH + 4,
                        y + 14, Html.escape(mark.words)));
                x += keyEntryWidth(mark);
            }
        }
        svg.append("</g>\n");
    }

    private String swatch(Mark mark, double x, int y) {
        return switch (mark) {
            case EXITED_ZERO, EXITED_OTHER, RUNNING -> format("<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" "
                    + "fill=\"%s\" fill-opacity=\"0.75\"/>\n", x, y + 4, KEY_SWATCH_WIDTH, LANE_HEIGHT - 14, mark.colour);
            case TASK -> format("<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"currentColor\" "
                    + "stroke-width=\"0.5\"/>\n", x, y + 6, KEY_SWATCH_WIDTH, LANE_HEIGHT - 18, lanes.stream()
                    .filter(lane -> !lane.tasks().isEmpty()).map(Timeline::colour).findFirst().orElseThrow());
            case PRINT -> format("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"currentColor\" stroke-width=\"1.5\"/>\n",
                    x + KEY_SWATCH_WIDTH / 2.0, x + KEY_SWATCH_WIDTH / 2.0, y + 2, y + 18);
        };
    }

    String text() {
        int nameWidth = lanes.stream().mapToInt(lane -> label(lane).length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Lane lane : lanes) {
            int from = column(lane.start());
            int to = Math.max(column(lane.end()), from + 1);
            text.append(format("%-" + nameWidth + "s |%s%s%s| %s%n", label(lane), " ".repeat(from),
                    (lane.running() ? ">" : "=").repeat(to - from), " ".repeat(Math.max(0, TEXT_COLUMNS - to)), describe(lane)));
        }
        text.append(" ".repeat(nameWidth)).append(" 0 ms").append(" ".repeat(Math.max(1, TEXT_COLUMNS - 4)))
                .append(Durations.millis(span)).append('\n');
        return text.append(textKey()).toString();
    }

    /**
     * The text's key: what its two marks mean and what follows each bar; a second line when the
     * chart has marks the text does not draw (a pool worker's tasks, the ticks of printed lines).
     */
    private String textKey() {
        List<Mark> marks = marksDrawn();
        StringBuilder key = new StringBuilder("Key: ");
        if (marks.contains(Mark.EXITED_ZERO) || marks.contains(Mark.EXITED_OTHER)) {
            key.append("=== start to exit, ");
        }
        if (marks.contains(Mark.RUNNING)) {
            key.append(">>> start to now (still running), ");
        }
        key.append("then when it ran, how many lines it printed and how it ended.\n");
        if (marks.contains(Mark.TASK)) {
            key.append("A pool worker's tasks, drawn as boxes in its bar, show in the notebook's chart, not here.\n");
        }
        return key.toString();
    }

    /** The lane's name, indented below the process that started it. */
    private static String label(Lane lane) {
        return ProcessTree.label(lane.name(), lane.depth());
    }

    private String describe(Lane lane) {
        String ending = lane.running() ? "still running" : "exit code " + lane.exitCode();
        String who = lane.depth() == 0 ? lane.name() : lane.name() + " (started by " + lane.startedBy() + ")";
        return who + ": " + Durations.millis(lane.start() - origin) + " to " + Durations.millis(lane.end() - origin) + ", "
                + lane.prints().size() + (lane.prints().size() == 1 ? " line" : " lines") + ", " + ending;
    }

    private static String shortened(String line) {
        if (line == null) {
            return "";
        }
        return line.length() <= MAX_TITLE_LINE ? line : line.substring(0, MAX_TITLE_LINE) + "…";
    }

    /** The mark of a process's bar: how it ended, or that it still runs. */
    private static Mark mark(Lane lane) {
        if (lane.running()) {
            return Mark.RUNNING;
        }
        return Integer.valueOf(0).equals(lane.exitCode()) ? Mark.EXITED_ZERO : Mark.EXITED_OTHER;
    }

    private static String colour(Lane lane) {
        return mark(lane).colour;
    }

    private double x(long nanos) {
        return labelWidth + (nanos - origin) * (double) PLOT_WIDTH / span;
    }

    private int column(long nanos) {
        return (int) Math.min(TEXT_COLUMNS, (nanos - origin) * TEXT_COLUMNS / span);
    }

    /**
     * The smallest tick step of 1, 2 or 5 times a power of ten milliseconds that is at least
     * {@code roughNanos}, in nanoseconds: at most five steps span the axis, so labels such as
     * "1,200 ms" never run into each other.
     */
    static long niceStep(long roughNanos) {
        long power = 1_000_000;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (power * factor >= roughNanos) {
                    return power * factor;
                }
            }
            power *= 10;
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
