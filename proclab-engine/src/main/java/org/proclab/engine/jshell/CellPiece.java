package org.proclab.engine.jshell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * One snippet of a cell, as JShell's source analysis cuts it: its source and the cell line it
 * starts on. A cell such as {@code int x = 1; x + 1} is two pieces.
 *
 * @param source the snippet, as JShell will evaluate it (a missing final semicolon added)
 * @param firstLine the 1-based cell line of the snippet's first character
 * @param completeness whether JShell sees a whole snippet, an unfinished one or nonsense
 */
record CellPiece(String source, int firstLine, Completeness completeness) {

    /** Cuts a cell into snippets; blank cells and comments give no pieces. */
    static List<CellPiece> split(SourceCodeAnalysis analysis, String cell) {
        List<CellPiece> pieces = new ArrayList<>();
        String remaining = cell;
        int consumed = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            int start = consumed + leadingWhitespace(remaining);
            int firstLine = lineOf(cell, start);
            if (!completeness.isComplete()) {
                pieces.add(new CellPiece(remaining.strip(), firstLine, completeness));
                break;
            }
            pieces.add(new CellPiece(info.source().stripLeading(), firstLine, completeness));
            consumed += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
        return pieces;
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
