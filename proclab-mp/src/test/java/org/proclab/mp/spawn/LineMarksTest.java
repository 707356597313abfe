package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.LineMarks.Owner;
import org.proclab.mp.spawn.LineMarks.Pass;
import org.proclab.mp.spawn.LineMarks.Piece;

/** The marks that tell, in a stream of text, which process printed each piece. */
class LineMarksTest {
    private static final Owner CHILD = new Owner("Process-2", 200);
    private static final Owner GRANDCHILD = new Owner("Process-2:1", 210);
    private static final Owner GREAT_GRANDCHILD = new Owner("Process-2:1:1", 211);
    private static final String RESET = "" + LineMarks.START + LineMarks.END;

    private static LineMarks top(Owner owner) {
        return new LineMarks(owner.name(), owner.pid(), false);
    }

    private static LineMarks relay(Owner owner) {
        return new LineMarks(owner.name(), owner.pid(), true);
    }

    /** Reads the texts one after the other, then the end, and joins what comes out. */
    private static Pass readAll(LineMarks marks, String... texts) {
        StringBuilder out = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        for (String text : texts) {
            Pass pass = marks.next(text);
            out.append(pass.text());
            pieces.addAll(pass.pieces());
        }
        Pass last = marks.finish();
        out.append(last.text());
        pieces.addAll(last.pieces());
        return new Pass(out.toString(), pieces);
    }

    // Text without marks passes unchanged at the top, each line a piece of the stream's own process.
    @Test
    void textWithoutMarksPassesUnchanged() {
        Pass pass = readAll(top(CHILD), "one\n\ntwo\nthree, unfinished");
        assertEquals("one\n\ntwo\nthree, unfinished", pass.text());
        assertEquals(List.of(new Piece(CHILD, "one"), new Piece(CHILD, "two"), new Piece(CHILD, "three, unfinished")),
                pass.pieces());
    }

    // In a child, every line passed on starts with the mark of the process that printed it.
    @Test
    void aChildMarksEachLineItPassesOn() {
        Pass pass = readAll(relay(GRANDCHILD), "a\nb\n");
        String mark = LineMarks.mark(GRANDCHILD);
        assertEquals(mark + "a\n" + mark + "b\n", pass.text());
        assertEquals("\u001e210 Process-2:1\u001f", mark);
    }

    // A partial line (a prompt) gets the mark and a reset, so that whatever the child prints next on that
    // line is its own; the rest of the line, when it comes, gets the mark again.
    @Test
    void aPartialLineIsMarkedAndReset() {
        LineMarks marks = relay(GRANDCHILD);
        String mark = LineMarks.mark(GRANDCHILD);
        assertEquals(mark + "name? " + RESET, marks.next("name? ").text());
        assertEquals(mark + "Ada\n", marks.next("Ada\n").text());

        Pass atTop = readAll(top(CHILD), mark + "name? " + RESET, "mine\n", mark + "Ada\n");
        assertEquals("name? mine\nAda\n", atTop.text());
        assertEquals(List.of(new Piece(GRANDCHILD, "name? "), new Piece(CHILD, "mine"), new Piece(GRANDCHILD, "Ada")),
                atTop.pieces());
    }

    // At the top the rest of a partial line belongs to whoever printed its start, across reads.
    @Test
    void theRestOfAPartialLineKeepsItsOwnerAtTheTop() {
        LineMarks marks = top(CHILD);
        assertEquals(List.of(new Piece(GRANDCHILD, "name? ")), marks.next(LineMarks.mark(GRANDCHILD) + "name? ").pieces());
        Pass rest = marks.next("Ada\nnext\n");
        assertEquals("Ada\nnext\n", rest.text());
        assertEquals(List.of(new Piece(GRANDCHILD, "Ada"), new Piece(CHILD, "next")), rest.pieces());
    }

    // A line marked further down keeps its innermost mark through every pump; the top shows the text as
    // it was printed and counts each line for the process that printed it.
    @Test
    void nestedMarksKeepTheInnermost() {
        String printedBelow = "deep 1\ndeep 2\n";
        String grandchildsStream = relay(GREAT_GRANDCHILD).next(printedBelow).text() + "own line\n";
        String childsStream = relay(GRANDCHILD).next(grandchildsStream).text() + "child's line\n";
        Pass atTop = readAll(top(CHILD), childsStream);

        assertEquals(printedBelow + "own line\nchild's line\n", atTop.text());
        assertEquals(List.of(new Piece(GREAT_GRANDCHILD, "deep 1"), new Piece(GREAT_GRANDCHILD, "deep 2"),
                new Piece(GRANDCHILD, "own line"), new Piece(CHILD, "child's line")), atTop.pieces());
        assertFalse(childsStream.contains(LineMarks.mark(CHILD)), "a pump marks what it passes on, not its own process");
    }

    // A mark cut in two by the reads waits for its rest; mark characters that do not make a mark are text.
    @Test
    void aMarkCutInTwoWaitsAndTextThatIsNoMarkPasses() {
        String mark = LineMarks.mark(GRANDCHILD);
        LineMarks marks = top(CHILD);
        assertEquals("", marks.next(mark.substring(0, 5)).text());
        Pass rest = marks.next(mark.substring(5) + "hi\n");
        assertEquals("hi\n", rest.text());
        assertEquals(List.of(new Piece(GRANDCHILD, "hi")), rest.pieces());

        String notMarks = "\u001eabc\u001f \u001e12x\u001f \u001e12 name\nend\u001f";
        assertEquals(notMarks, readAll(top(CHILD), notMarks).text());
        Pass heldToTheEnd = readAll(top(CHILD), "prompt \u001e42");
        assertEquals("prompt \u001e42", heldToTheEnd.text());
        assertEquals(List.of(new Piece(CHILD, "prompt "), new Piece(CHILD, "\u001e42")), heldToTheEnd.pieces());
    }

    // Any text that holds no mark itself, cut anywhere, passed on by two pumps in children, arrives at the
    // top as it was printed and counted for the deepest process; nothing throws.
    @Test
    void anyTextCutAnywhereSurvivesTwoPumps() {
        Random random = new Random(42);
        String alphabet = "ab \n\u001e\u001f0123é";
        Pattern mark = Pattern.compile("\u001e(\\d{1,18} [^\u001e\u001f\n]*)?\u001f");
        for (int round = 0; round < 2000; round++) {
            StringBuilder printed = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                printed.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = printed.toString();
            if (mark.matcher(text).find()) {
                continue;
            }
            String grandchildsStream = readAll(relay(GREAT_GRANDCHILD), cut(text, random)).text();
            String childsStream = readAll(relay(GRANDCHILD), cut(grandchildsStream, random)).text();
            Pass atTop = readAll(top(CHILD), cut(childsStream, random));
            assertEquals(text, atTop.text(), "printed: " + escaped(text));
            assertEquals(text.replace("\n", ""), String.join("", atTop.pieces().stream().map(Piece::text).toList()));
            assertEquals(List.of(), atTop.pieces().stream().filter(piece -> !piece.owner().equals(GREAT_GRANDCHILD))
                    .toList(), "printed: " + escaped(text));
        }
    }

    private static String[] cut(String text, Random random) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + 1 + random.nextInt(8));
            parts.add(text.substring(from, to));
            from = to;
        }
        return parts.toArray(String[]::new);
    }

    private static String escaped(String text) {
        return text.replace("\u001e", "<RS>").replace("\u001f", "<US>").replace("\n", "<LF>");
    }
}
