package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

/** The process timeline as SVG and as text. */
class TimelineTest {
    private static final long T0 = 5_000_000_000L;

    private static Event at(long millis, Kind kind, String name, long pid, Integer exitCode) {
        return new Event(kind, name, pid, T0 + millis * 1_000_000, kind == Kind.PRINTED ? "stdout" : null,
                kind == Kind.PRINTED ? "x < y & done" : null, exitCode);
    }

    private static final List<Event> TWO = List.of(at(0, Kind.STARTED, "Process-1", 11, null),
            at(10, Kind.STARTED, "Process-2", 12, null), at(30, Kind.PRINTED, "Process-1", 11, null),
            at(80, Kind.EXITED, "Process-1", 11, 0), at(100, Kind.EXITED, "Process-2", 12, 1));

    /** The boxes drawn in the lanes (a process's bar, a task's box): those with a hover title, unlike the key's. */
    private static int laneBoxes(String svg) {
        return svg.split("<rect[^>]*><title>", -1).length - 1;
    }

    /** The words of the SVG's key, in order. */
    private static List<String> keyWords(String svg) {
        String key = svg.substring(svg.indexOf("<g class=\"proclab-timeline-key\">"), svg.indexOf("</g>"));
        return Pattern.compile(">([^<]+)</text>").matcher(key).results().map(match -> match.group(1)).toList();
    }

    // The axis has at most six labels, in steps of 1, 2 or 5 times a power of ten ms: over 2.3 s a step of
    // 500 ms (a step of 200 ms made twelve labels that ran into each other).
    @Test
    void axisStepsAreFewAndRound() {
        assertEquals(500_000_000L, Timeline.niceStep(2_300_000_000L / 5));
        assertEquals(20_000_000L, Timeline.niceStep(100_000_000L / 5));
        assertEquals(1_000_000L, Timeline.niceStep(300_000));
        for (long span = 3_000_000; span < 100_000_000_000L; span = span * 3 / 2) {
            assertTrue(span / Timeline.niceStep(span / 5) <= 5, "span " + span);
        }
    }

    // The SVG is well-formed, has one lane (box with a hover title) per process, ticks for printed lines
    // whose titles show the line and who printed it, and an axis in ms.
    @Test
    void svgHasLanesTitlesAndAxis() throws Exception {
        String svg = Timeline.of(TWO, T0, T0 + 200_000_000).svg();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, laneBoxes(svg));
        assertTrue(svg.contains("<title>Process-1: 0 ms to 80 ms, 1 line, exit code 0</title>"), svg);
        assertTrue(svg.contains("<title>Process-2: 10 ms to 100 ms, 0 lines, exit code 1</title>"), svg);
        assertTrue(svg.contains("<title>Process-1 printed at 30 ms: x &lt; y &amp; done</title>"), svg);
        assertTrue(svg.contains(">100 ms</text>") && svg.contains("fill=\"currentColor\""), svg);
    }

    // A pool worker's tasks are boxes inside its lane, each with its label and times on hover.
    @Test
    void tasksAreBoxesInTheirLane() {
        List<Event> events = List.of(at(0, Kind.STARTED, "SpawnPoolWorker-1", 31, null),
                new Event(Kind.TASK, "SpawnPoolWorker-1", 31, T0 + 10_000_000, null, "items 0–9", null, T0 + 30_000_000),
                at(60, Kind.EXITED, "SpawnPoolWorker-1", 31, 0));
        String svg = Timeline.of(events, T0, T0 + 100_000_000).svg();
        assertEquals(2, laneBoxes(svg), svg);
        assertTrue(svg.contains("<title>items 0–9: 10 ms to 30 ms</title>"), svg);
    }

    // The text version draws each lane to scale with its ending, for consoles and terminals.
    @Test
    void textDrawsLanesToScale() {
        String text = Timeline.of(TWO, T0, T0 + 200_000_000).text();
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("Process-1 |========================================") && lines.get(0).endsWith("exit code 0"), text);
        assertTrue(lines.get(1).startsWith("Process-2 |     ====="), text);
        assertTrue(lines.get(2).endsWith("100 ms"), text);
    }

    // Notebooks get the SVG inline in HTML, in the theme's colours; as an image it brings its own light
    // background, since image renderers do not pass the page's text colour in.
    @Test
    void bundleHasInlineSvgAndAStandaloneImage() {
        Map<String, String> bundle = Timeline.of(TWO, T0, T0 + 200_000_000).bundle();
        assertTrue(bundle.get("text/html").contains("<svg xmlns="), bundle.get("text/html"));
        assertFalse(bundle.get("text/html").contains("background-color"), bundle.get("text/html"));
        assertTrue(bundle.get("image/svg+xml").startsWith("<svg style=\"color:#212121;background-color:#ffffff\" xmlns="),
                bundle.get("image/svg+xml"));
        assertTrue(bundle.get("text/plain").contains("Process-1"), bundle.get("text/plain"));
    }

    // A process started by another one has its lane right below its parent's, its name indented, and its
    // hover title says who started it.
    @Test
    void aGrandchildsLaneIsBelowItsParent() {
        List<Event> events = List.of(Event.started("Process-1", 11, T0, "MainProcess", 1),
                Event.started("Process-2", 12, T0 + 5_000_000, "MainProcess", 1),
                Event.started("Process-1:1", 21, T0 + 10_000_000, "Process-1", 11),
                at(20, Kind.PRINTED, "Process-1:1", 21, null), at(40, Kind.EXITED, "Process-1:1", 21, 3),
                at(50, Kind.EXITED, "Process-1", 11, 0), at(60, Kind.EXITED, "Process-2", 12, 0));
        Timeline timeline = Timeline.of(events, T0, T0 + 100_000_000);
        List<String> lines = timeline.text().lines().toList();
        assertTrue(lines.get(0).startsWith("Process-1 "), timeline.text());
        assertTrue(lines.get(1).startsWith("└\u00a0Process-1:1 |"), timeline.text());
        assertTrue(lines.get(1).endsWith("Process-1:1 (started by Process-1): 10 ms to 40 ms, 1 line, exit code 3"),
                timeline.text());
        assertTrue(lines.get(2).startsWith("Process-2 "), timeline.text());
        assertTrue(timeline.svg().contains(">└\u00a0Process-1:1 (21)</text>"), timeline.svg());
    }

    // Processes started before the window are left out; no process, no chart; a running one reaches "now".
    @Test
    void windowAndRunningProcesses() {
        assertNull(Timeline.of(TWO, T0 + 50_000_000, T0 + 200_000_000));
        Timeline running = Timeline.of(List.of(at(0, Kind.STARTED, "Process-3", 13, null)), T0, T0 + 40_000_000);
        assertTrue(running.text().contains("still running") && running.svg().contains("#1e88e5"), running.text());
    }

    // Below the axis, a key names in plain words each kind of mark the chart draws, and only those: the
    // colour of each ending, the darker inner boxes of a pool worker's tasks, the ticks of printed lines.
    // Each entry's sample is drawn as its mark is, and its words in the theme's text colour.
    @Test
    void aKeyNamesEachKindOfMarkDrawn() {
        String two = Timeline.of(TWO, T0, T0 + 200_000_000).svg();
        assertEquals(List.of("start to exit, exit code 0", "start to exit, another exit code", "a line it printed"),
                keyWords(two), two);
        String key = two.substring(two.indexOf("<g class=\"proclab-timeline-key\">"));
        assertTrue(key.contains("fill=\"#43a047\" fill-opacity=\"0.75\"") && key.contains("fill=\"#e53935\"")
                && key.contains("<line") && key.contains("<text x="), key);

        List<Event> pool = List.of(at(0, Kind.STARTED, "SpawnPoolWorker-1", 31, null),
                new Event(Kind.TASK, "SpawnPoolWorker-1", 31, T0 + 10_000_000, null, "items 0–9", null, T0 + 30_000_000));
        String running = Timeline.of(pool, T0, T0 + 100_000_000).svg();
        assertEquals(List.of("start to now, still running", "a task a pool worker ran"), keyWords(running), running);
        assertTrue(running.substring(running.indexOf("proclab-timeline-key")).contains("fill=\"#1e88e5\" stroke=\"currentColor\""),
                running);
    }

    // The key takes its own rows below the axis: the chart grows by them, and every word of it lies inside.
    @Test
    void theKeyFitsInTheChart() {
        List<Event> all = List.of(at(0, Kind.STARTED, "Process-1", 11, null), at(5, Kind.PRINTED, "Process-1", 11, null),
                at(0, Kind.STARTED, "Process-2", 12, null), at(0, Kind.STARTED, "SpawnPoolWorker-1", 31, null),
                new Event(Kind.TASK, "SpawnPoolWorker-1", 31, T0 + 1_000_000, null, "item 1", null, T0 + 2_000_000),
                at(10, Kind.EXITED, "Process-1", 11, 0), at(10, Kind.EXITED, "Process-2", 12, -9));
        String svg = Timeline.of(all, T0, T0 + 20_000_000).svg();
        assertEquals(5, keyWords(svg).size(), svg);
        Matcher size = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertTrue(size.find(), svg);
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        assertTrue(height >= 3 * 26 + 30 + 20, svg);
        Matcher words = Pattern.compile("<text x=\"([\\d.]+)\" y=\"(\\d+)\" fill=\"currentColor\">([^<]+)</text>")
                .matcher(svg.substring(svg.indexOf("proclab-timeline-key")));
        while (words.find()) {
            double end = Double.parseDouble(words.group(1)) + 7 * words.group(3).length();
            assertTrue(end <= width && Integer.parseInt(words.group(2)) < height, words.group() + " in " + width + "x" + height);
        }
    }

    // The text has a key too: what its bars' marks mean and what follows each bar; when the chart has
    // tasks, which the text does not draw, it says where to see them.
    @Test
    void theTextSaysWhatItsMarksMean() {
        List<String> lines = Timeline.of(TWO, T0, T0 + 200_000_000).text().lines().toList();
        assertEquals("Key: === start to exit, then when it ran, how many lines it printed and how it ended.",
                lines.get(lines.size() - 1));
        List<Event> pool = List.of(at(0, Kind.STARTED, "SpawnPoolWorker-1", 31, null),
                new Event(Kind.TASK, "SpawnPoolWorker-1", 31, T0 + 10_000_000, null, "items 0–9", null, T0 + 30_000_000));
        List<String> running = Timeline.of(pool, T0, T0 + 100_000_000).text().lines().toList();
        assertEquals(List.of("Key: >>> start to now (still running), then when it ran, how many lines it printed and how it ended.",
                "A pool worker's tasks, drawn as boxes in its bar, show in the notebook's chart, not here."),
                running.subList(running.size() - 2, running.size()));
    }
}
