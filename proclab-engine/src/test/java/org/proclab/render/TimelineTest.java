package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;
import org.w3c.dom.Document;

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

    // The SVG is well-formed, has one lane (box with a hover title) per process, ticks for printed lines
    // whose titles show the line and who printed it, and an axis in ms.
    @Test
    void svgHasLanesTitlesAndAxis() throws Exception {
        String svg = Timeline.of(TWO, T0, T0 + 200_000_000).svg();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, document.getElementsByTagName("rect").getLength());
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
        assertEquals(2, svg.split("<rect", -1).length - 1, svg);
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
}
