package org.proclab.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell cut into its Java code and its magics. A cell whose first line starts with {@code %%} is a
 * cell magic and the rest of the cell is its body; otherwise each line that starts with {@code %}
 * and a name is a line magic, and the lines between them are Java. (No Java statement can start
 * with {@code %}, so the two cannot be confused.)
 *
 * <p>Each Java part keeps its place in the cell: it is preceded by as many empty lines as came
 * before it, so compile errors name the line the student sees.
 */
public record CellSegments(List<Segment> segments) {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][\\w-]*\\??)(?:\\s+(.*))?$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*\\??)(?:\\s+(.*))?$");

    /** A part of a cell. */
    public sealed interface Segment {
    }

    /** Java code, padded with the empty lines that precede it in the cell. */
    public record Java(String code) implements Segment {
    }

    /** {@code %name arguments} on line {@code line} (1-based). */
    public record LineMagicCall(String name, String arguments, int line) implements Segment {
    }

    /** {@code %%name arguments}, and the rest of the cell as its body. */
    public record CellMagicCall(String name, String arguments, String body) implements Segment {
    }

    /** Cuts a cell into its parts. */
    public static CellSegments parse(String cell) {
        List<String> lines = cell.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first < lines.size()) {
            Matcher cellMagic = CELL_MAGIC.matcher(lines.get(first));
            if (cellMagic.matches()) {
                String body = String.join("\n", lines.subList(first + 1, lines.size()));
                return new CellSegments(List.of(new CellMagicCall(cellMagic.group(1), arguments(cellMagic), body)));
            }
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        boolean javaHasCode = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher lineMagic = LINE_MAGIC.matcher(lines.get(i));
            if (lineMagic.matches() && !lines.get(i).stripLeading().startsWith("%%")) {
                if (javaHasCode) {
                    segments.add(new Java(java.toString()));
                }
                java.setLength(0);
                java.append("\n".repeat(i + 1));
                javaHasCode = false;
                segments.add(new LineMagicCall(lineMagic.group(1), arguments(lineMagic), i + 1));
            } else {
                java.append(lines.get(i)).append('\n');
                javaHasCode |= !lines.get(i).isBlank();
            }
        }
        if (javaHasCode) {
            segments.add(new Java(java.toString()));
        }
        return new CellSegments(List.copyOf(segments));
    }

    /** Whether the cell uses any magic; a cell without is plain Java. */
    public boolean hasMagics() {
        return segments.stream().anyMatch(segment -> !(segment instanceof Java));
    }

    private static String arguments(Matcher matcher) {
        return matcher.group(2) == null ? "" : matcher.group(2).strip();
    }
}
