package org.proclab.engine.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which final pieces of a cell the kernel shows by declaring them, decided from their text alone. */
class FinalExpressionTest {

    private static String declared(String source, Completeness completeness) {
        return FinalExpression.declarationFor(new CellPiece(source, 1, completeness), "$v");
    }

    // Expressions whose value JShell would show are declared as they are, closed on a line of their own.
    @ParameterizedTest
    @ValueSource(strings = {"1+1", "x", "a[0] * 2", "p.name", "list.size()", "Math.max(a, b)", "x == 3", "x != 3",
            "(x = 7)", "s + \";,=\"", "'='", "\"\"\"\n  a; b = c\n  \"\"\"", "x // the answer", "x /* ; */ + 1",
            "map(i -> { return i; })", "f(a, b).g(c)"})
    void expressionsAreDeclared(String expression) {
        assertEquals("Object $v = (" + expression + "\n);", declared(expression, Completeness.COMPLETE));
    }

    // Statements, declarations, assignments, blocks, lists, text that does not balance and calls that by their
    // name return nothing keep JShell's own path.
    @ParameterizedTest
    @ValueSource(strings = {"x = 5", "a[0] = 5", "x += 1", "x <= 3", "a, b", "foo();", "new Object() { }",
            "1) + (2", "(1 + 2", "\"unclosed", "x /* unclosed", "for (int i : list) total += i", "", "   ",
            "System.out.println(x)", "pool.forEach(f, items)", "worker.join ()", "Thread.sleep(10)"})
    void othersAreNot(String source) {
        assertNull(declared(source, Completeness.COMPLETE));
    }

    // A piece JShell had to finish with a semicolon is a declaration or a statement, never a bare expression.
    @ParameterizedTest
    @ValueSource(strings = {"int y = 3;", "Thread.sleep(10);"})
    void completedWithSemicolonIsNot(String source) {
        assertNull(declared(source, Completeness.COMPLETE_WITH_SEMI));
    }
}
