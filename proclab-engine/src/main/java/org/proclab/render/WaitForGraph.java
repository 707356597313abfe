package org.proclab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.proclab.display.Html;
import org.proclab.mp.LockSurvey;

/**
 * A deadlock drawn as its wait-for graph, in SVG: the threads (rounded boxes) and the locks (square
 * boxes) of the cycle around an ellipse, an arrow "waits for" from each thread to the lock it wants
 * and an arrow "held by" from each lock to its holder, so the cycle is visible as arrows that come
 * back to where they started. Colours follow the page ({@code currentColor}), for light and dark themes.
 */
final class WaitForGraph {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 320;
    private static final double RADIUS_X = 170;
    private static final double RADIUS_Y = 110;
    private static final int BOX_WIDTH = 150;
    private static final int BOX_HEIGHT = 40;

    private WaitForGraph() {
    }

    /** The SVG of {@code deadlock}, locks named by {@code names} (id → name, else the id). */
    static String svg(LockSurvey.Deadlock deadlock, Map<String, String> names) {
        List<Node> nodes = new ArrayList<>();
        for (LockSurvey.Step step : deadlock.steps()) {
            LockSurvey.Party party = step.party();
            nodes.add(new Node(party.processName(), "pid " + party.pid() + ", " + party.threadName(), true));
            nodes.add(new Node(names.getOrDefault(step.waitsFor(), step.waitsFor()), "lock", false));
        }
        double[][] at = new double[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            double angle = Math.PI - 2 * Math.PI * i / nodes.size() - Math.PI / 4;
            at[i] = new double[] {WIDTH / 2.0 + RADIUS_X * Math.cos(angle), HEIGHT / 2.0 - RADIUS_Y * Math.sin(angle)};
        }
        StringBuilder svg = new StringBuilder(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>Wait-for graph of a deadlock</title>\n<defs><marker id=\"proclab-arrow\" viewBox=\"0 0 10 10\" "
                + "refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"currentColor\"/></marker></defs>\n");
        for (int i = 0; i < nodes.size(); i++) {
            int next = (i + 1) % nodes.size();
            arrow(svg, at[i], at[next], nodes.get(i).thread() ? "waits for" : "held by");
        }
        for (int i = 0; i < nodes.size(); i++) {
            box(svg, at[i], nodes.get(i));
        }
        return svg.append("</svg>\n").toString();
    }

    private record Node(String name, String detail, boolean thread) {
    }

    private static void box(StringBuilder svg, double[] at, Node node) {
        svg.append(format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\" fill-opacity=\"0.25\" "
                        + "stroke=\"currentColor\"/>\n", at[0] - BOX_WIDTH / 2.0, at[1] - BOX_HEIGHT / 2.0, BOX_WIDTH, BOX_HEIGHT,
                node.thread() ? 14 : 2, node.thread() ? "#1e88e5" : "#fb8c00"));
        svg.append(format("<text x=\"%.1f\" y=\"%.1f\" fill=\"currentColor\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n",
                at[0], at[1] - 3, Html.escape(node.name())));
        svg.append(format("<text x=\"%.1f\" y=\"%.1f\" fill=\"currentColor\" text-anchor=\"middle\" font-size=\"10\">%s</text>\n",
                at[0], at[1] + 12, Html.escape(node.detail())));
    }

    /** A curved arrow from box to box, bent to its left so that two arrows between the same boxes do not overlap. */
    private static void arrow(StringBuilder svg, double[] from, double[] to, String label) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double length = Math.max(1, Math.hypot(dx, dy));
        double inset = Math.min(0.4, Math.min(edge(BOX_WIDTH, dx), edge(BOX_HEIGHT, dy)));
        double[] start = {from[0] + dx * inset, from[1] + dy * inset};
        double[] end = {to[0] - dx * inset, to[1] - dy * inset};
        double bend = 0.18 * length;
        double[] control = {(from[0] + to[0]) / 2 + dy / length * bend, (from[1] + to[1]) / 2 - dx / length * bend};
        svg.append(format("<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" "
                + "marker-end=\"url(#proclab-arrow)\"/>\n", start[0], start[1], control[0], control[1], end[0], end[1]));
        double labelX = 0.25 * start[0] + 0.5 * control[0] + 0.25 * end[0];
        double labelY = 0.25 * start[1] + 0.5 * control[1] + 0.25 * end[1];
        svg.append(format("<text x=\"%.1f\" y=\"%.1f\" fill=\"currentColor\" text-anchor=\"middle\" font-style=\"italic\">%s</text>\n",
                labelX, labelY, label));
    }

    /** The fraction of a step of {@code delta} that takes a line from a box's centre out past its side of {@code extent}. */
    private static double edge(int extent, double delta) {
        return delta == 0 ? Double.MAX_VALUE : (extent / 2.0 + 6) / Math.abs(delta);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
