package org.proclab.magic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * Completion, inspection and the "is this code complete?" check, all from JShell's own source
 * analysis, so they know the cell's variables, methods and imports. A magic's name at the start of a
 * line ({@code %ti|}, {@code %%spawn}) completes and inspects from the magics instead.
 *
 * <p>Positions in the Jupyter protocol count Unicode code points; Java strings count UTF-16 units.
 * The methods here take and return code points.
 */
public final class CodeAssist {
    private final SourceCodeAnalysis analysis;
    private final MagicRegistry magics;

    public CodeAssist(SourceCodeAnalysis analysis, MagicRegistry magics) {
        this.analysis = analysis;
        this.magics = magics;
    }

    /** A magic's name as written at the start of a line, {@code %time} or {@code %%spawn}: chars [start, end). */
    private record MagicWord(String text, int start, int end) {
        /** The magic word the cursor is in or just after, or null. */
        static MagicWord at(String code, int cursor) {
            int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
            int start = lineStart;
            while (start < code.length() && (code.charAt(start) == ' ' || code.charAt(start) == '\t')) {
                start++;
            }
            if (start >= code.length() || code.charAt(start) != '%') {
                return null;
            }
            int end = start;
            while (end < code.length() && !Character.isWhitespace(code.charAt(end))) {
                end++;
            }
            return cursor >= start && cursor <= end ? new MagicWord(code.substring(start, end), start, end) : null;
        }

        boolean cellMagic() {
            return text.startsWith("%%");
        }

        String name() {
            return text.replaceFirst("^%{1,2}", "").replaceFirst("\\?$", "");
        }
    }

    /** Candidates for the word at the cursor, and the code-point range they replace. */
    public record Completions(List<String> matches, int start, int end) {
    }

    /** What {@code Math.ab|} could become: {@code abs}, with the range of {@code ab}. */
    public Completions complete(String code, int cursorCodePoints) {
        int cursor = toCharIndex(code, cursorCodePoints);
        MagicWord word = MagicWord.at(code, cursor);
        if (word != null) {
            String typed = code.substring(word.start(), cursor);
            List<String> matches = magics.all().stream().map(CodeAssist::spelled).filter(name -> name.startsWith(typed)).toList();
            return new Completions(matches, code.codePointCount(0, word.start()), cursorCodePoints);
        }
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        int start = code.codePointCount(0, Math.min(anchor[0], cursor));
        return new Completions(List.copyOf(matches), start, cursorCodePoints);
    }

    /**
     * Signature and Javadoc summary of the symbol at the cursor, or null when nothing is known.
     * Javadoc appears when the JDK ships its sources ({@code lib/src.zip}).
     */
    public String inspect(String code, int cursorCodePoints) {
        int cursor = toCharIndex(code, cursorCodePoints);
        MagicWord word = MagicWord.at(code, cursor);
        if (word != null) {
            return magics.find(word.name(), word.cellMagic()).map(magic -> magic.usage() + "\n\n" + magic.summary())
                    .orElse(null);
        }
        List<Documentation> docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(code + "(", cursor + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Documentation doc : docs) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(doc.signature());
            String javadoc = doc.javadoc();
            if (javadoc != null && !javadoc.isBlank()) {
                text.append("\n\n").append(summary(javadoc));
            }
        }
        return text.toString();
    }

    /**
     * {@code complete}, {@code incomplete} or {@code invalid}, as {@code jupyter console} needs. A
     * cell magic ({@code %%time}) is incomplete until an empty line ends it, as in IPython's console;
     * a line magic is complete on its own line.
     */
    public String completeness(String code) {
        CellSegments cell = CellSegments.parse(code);
        if (!cell.hasMagics()) {
            return javaCompleteness(code);
        }
        for (CellSegments.Segment segment : cell.segments()) {
            if (segment instanceof CellSegments.CellMagicCall) {
                return code.endsWith("\n\n") ? "complete" : "incomplete";
            }
            if (segment instanceof CellSegments.Java java && !javaCompleteness(java.code()).equals("complete")) {
                return javaCompleteness(java.code());
            }
        }
        return "complete";
    }

    /** The completeness of Java code alone. */
    private String javaCompleteness(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                return "incomplete";
            }
            if (completeness == Completeness.UNKNOWN) {
                return "invalid";
            }
            if (completeness == Completeness.EMPTY) {
                break;
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    private static String spelled(Magic magic) {
        return (magic.isCellMagic() ? "%%" : "%") + magic.name();
    }

    /** The first paragraph of a Javadoc text: what a tooltip should show. */
    private static String summary(String javadoc) {
        String trimmed = javadoc.strip();
        int paragraph = trimmed.indexOf("\n\n");
        return paragraph < 0 ? trimmed : trimmed.substring(0, paragraph);
    }

    private static int toCharIndex(String code, int codePoints) {
        int limit = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, limit)));
    }
}
