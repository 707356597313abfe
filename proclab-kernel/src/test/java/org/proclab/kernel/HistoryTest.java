package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proclab.kernel.protocol.HistoryRequest;

class HistoryTest {
    private History history;

    @BeforeEach
    void fill() {
        history = new History();
        history.add(1, "int x = 1;");
        history.add(2, "x + 1");
        history.add(3, "System.out.println(x);");
        history.add(4, "x + 1");
        history.add(5, "int y = 2;");
    }

    private static HistoryRequest tail(Integer n) {
        return new HistoryRequest(false, true, "tail", null, null, null, n, null, null);
    }

    private static HistoryRequest range(Integer start, Integer stop) {
        return new HistoryRequest(false, true, "range", 1, start, stop, null, null, null);
    }

    private static HistoryRequest search(String pattern, Boolean unique, Integer n) {
        return new HistoryRequest(false, true, "search", null, null, null, n, pattern, unique);
    }

    private static List<Object> entry(int line, String input) {
        return List.of(History.SESSION, line, input);
    }

    // tail with n gives the last n entries, oldest first, as [session, line, input].
    @Test
    void tailWithN() {
        assertEquals(List.of(entry(4, "x + 1"), entry(5, "int y = 2;")), history.answer(tail(2)));
    }

    // tail with n larger than the history, or without n, gives everything; n = 0 gives nothing.
    @Test
    void tailBounds() {
        assertEquals(5, history.answer(tail(100)).size());
        assertEquals(5, history.answer(tail(null)).size());
        assertEquals(List.of(), history.answer(tail(0)));
        assertEquals(5, history.answer(new HistoryRequest(false, true, null, null, null, null, null, null, null)).size(),
                "no access type means tail");
    }

    // range gives the lines from start (inclusive) to stop (exclusive); open ends take everything on that side.
    @Test
    void rangeOfLines() {
        assertEquals(List.of(entry(2, "x + 1"), entry(3, "System.out.println(x);")), history.answer(range(2, 4)));
        assertEquals(List.of(entry(4, "x + 1"), entry(5, "int y = 2;")), history.answer(range(4, null)));
        assertEquals(List.of(entry(1, "int x = 1;")), history.answer(range(null, 2)));
        assertEquals(List.of(), history.answer(range(9, 12)));
    }

    // search matches the whole input against a glob (* and ?), keeping history order.
    @Test
    void searchWithGlob() {
        assertEquals(List.of(entry(1, "int x = 1;"), entry(5, "int y = 2;")), history.answer(search("int*", null, null)));
        assertEquals(List.of(entry(2, "x + 1"), entry(4, "x + 1")), history.answer(search("x ? 1", false, null)));
        assertEquals(List.of(entry(3, "System.out.println(x);")), history.answer(search("*println(*", null, null)));
        assertEquals(List.of(), history.answer(search("println", null, null)), "a glob without * must match the whole input");
        assertEquals(5, history.answer(search(null, null, null)).size(), "no pattern matches everything");
    }

    // Regex metacharacters in the glob are literal.
    @Test
    void searchGlobIsNotARegex() {
        history.add(6, "a.b(c)");
        assertEquals(List.of(entry(6, "a.b(c)")), history.answer(search("a.b(c)", null, null)));
        assertEquals(List.of(), history.answer(search("a?b\\(c\\)", null, null)));
    }

    // search with unique keeps one entry per distinct input, its latest occurrence, ordered by that occurrence.
    @Test
    void searchUnique() {
        assertEquals(List.of(entry(1, "int x = 1;"), entry(3, "System.out.println(x);"), entry(4, "x + 1"),
                entry(5, "int y = 2;")), history.answer(search("*", true, null)));
    }

    // search with n gives the last n matches.
    @Test
    void searchWithN() {
        assertEquals(List.of(entry(4, "x + 1"), entry(5, "int y = 2;")), history.answer(search("*", false, 2)));
    }
}
