package org.proclab.mp.spawn;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks in the text of an output stream that say which process printed each piece of it. A
 * grandchild's output reaches the kernel as text, through the output pump of every process in
 * between; so that the kernel can count each line for the process that printed it while the text
 * stays in order, a pump in a child JVM puts a mark before every piece it passes on, and the pump of
 * the JVM at the top takes the marks out before the text is shown.
 *
 * <p>A mark is {@code RS pid SP name US}, RS and US being the ASCII record and unit separators
 * (U+001E, U+001F), which printed text does not contain: the text after it, up to the next mark or
 * line break, was printed by that process. Text without a mark was printed by the process whose stream
 * this is. A pump passes a mark it reads on as it is, so a piece keeps the mark of the innermost
 * process, however deep. {@code RS US} alone (a reset) gives the rest of the line back to the process
 * whose stream this is: a pump in a child ends with it any piece that stops before the end of its line
 * (a prompt), so that what the child itself prints next on that line is not counted for the other
 * process. Text that only looks like the start of a mark passes as it is.
 *
 * <p>One instance reads one stream, text after text as it arrives; a text may end anywhere, inside
 * a mark too, whose start then waits for the rest (a held start is at most {@link #MAX_MARK} chars).
 * A piece is a line or the part of one that a text brought: a partial line and its rest are two
 * pieces, as before marks existed. Not thread-safe; never throws.
 */
final class LineMarks {
    /** Starts a mark (ASCII RS). */
    static final char START = '\u001e';
    /** Ends a mark (ASCII US). */
    static final char END = '\u001f';
    /** The longest a mark can be, in chars; anything longer is text. */
    static final int MAX_MARK = 1000;
    /** The longest name a mark carries: with a pid and the two separators, it stays within {@link #MAX_MARK}. */
    private static final int MAX_NAME = 900;
    private static final int MAX_PID_DIGITS = 18;
    private static final int NOT_A_MARK = -1;
    private static final int INCOMPLETE = -2;

    /** Who printed a piece. */
    record Owner(String name, long pid) {
    }

    /** A line, or part of one, and who printed it. */
    record Piece(Owner owner, String text) {
    }

    /** What one text yields: the text to write on, and its pieces, for the event log. */
    record Pass(String text, List<Piece> pieces) {
    }

    private final Owner source;
    private final boolean relay;
    /** Who printed the text being read; null at the start of a line. */
    private Owner current;
    /** The start of a mark that the last text ended in the middle of. */
    private String held = "";

    /**
     * @param name  the process whose stream this is, which printed the text without marks
     * @param pid   its pid
     * @param relay true in a child JVM, whose output goes on to its parent's pump: every piece written on
     *              carries its mark; false at the top: marks are taken out
     */
    LineMarks(String name, long pid, boolean relay) {
        this.source = new Owner(name, pid);
        this.relay = relay;
    }

    /** The mark that says the text after it was printed by {@code owner}. */
    static String mark(Owner owner) {
        String name = owner.name().length() <= MAX_NAME ? owner.name() : owner.name().substring(0, MAX_NAME);
        return START + Long.toString(owner.pid()) + ' ' + name.replace(START, '?').replace(END, '?').replace('\n', '?')
                + END;
    }

    /** Reads the next text of the stream, which may end anywhere. */
    Pass next(String text) {
        return read(held + text, false);
    }

    /** The stream has ended: what was held as the start of a mark was text after all. */
    Pass finish() {
        return read(held, true);
    }

    private Pass read(String text, boolean last) {
        held = "";
        StringBuilder out = new StringBuilder(text.length() + 64);
        StringBuilder piece = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        boolean marked = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == START) {
                int end = markEnd(text, i, last);
                if (end == INCOMPLETE) {
                    held = text.substring(i);
                    break;
                }
                if (end != NOT_A_MARK) {
                    endPiece(piece, pieces);
                    current = ownerOf(text, i, end);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '\n') {
                endPiece(piece, pieces);
                current = null;
                marked = false;
                out.append('\n');
                i++;
                continue;
            }
            int runEnd = nextSpecial(text, i + 1);
            if (current == null) {
                current = source;
            }
            if (relay && piece.length() == 0) {
                out.append(mark(current));
                marked = true;
            }
            piece.append(text, i, runEnd);
            out.append(text, i, runEnd);
            i = runEnd;
        }
        endPiece(piece, pieces);
        if (marked) {
            out.append(START).append(END);
        }
        return new Pass(out.toString(), pieces);
    }

    private void endPiece(StringBuilder piece, List<Piece> pieces) {
        if (piece.length() > 0) {
            pieces.add(new Piece(current, piece.toString()));
            piece.setLength(0);
        }
    }

    private static int nextSpecial(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == START || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Where the mark that starts at {@code start} ends (its END), {@link #NOT_A_MARK}, or
     * {@link #INCOMPLETE} when the text ends before it could tell (and more text is to come).
     */
    private static int markEnd(String text, int start, boolean last) {
        int digits = 0;
        boolean inName = false;
        for (int i = start + 1; i < text.length() && i - start < MAX_MARK; i++) {
            char c = text.charAt(i);
            if (inName) {
                if (c == END) {
                    return i;
                }
                if (c == START || c == '\n') {
                    return NOT_A_MARK;
                }
            } else if (c == END && digits == 0) {
                return i;
            } else if (c == ' ' && digits > 0) {
                inName = true;
            } else if (c >= '0' && c <= '9' && digits < MAX_PID_DIGITS) {
                digits++;
            } else {
                return NOT_A_MARK;
            }
        }
        return last || text.length() - start >= MAX_MARK ? NOT_A_MARK : INCOMPLETE;
    }

    /** The owner a well-formed mark names: the stream's own process for a reset. */
    private Owner ownerOf(String text, int start, int end) {
        if (end == start + 1) {
            return source;
        }
        int space = text.indexOf(' ', start);
        return new Owner(text.substring(space + 1, end), Long.parseLong(text.substring(start + 1, space)));
    }
}
