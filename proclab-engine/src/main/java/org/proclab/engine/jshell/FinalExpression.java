package org.proclab.engine.jshell;

import java.util.Set;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * The quick way to show a cell's final expression: as the value of a declared variable.
 *
 * <p>Why: JShell compiles an expression such as {@code 1+1} four times — twice to work out its
 * type for a hidden {@code $N} variable, then to check it and to generate its class — but a
 * declaration with a written type only twice. A notebook never uses the {@code $N} variable (the
 * kernel drops it once the value is shown), so a final expression can just as well be declared as
 * {@code Object $proclab$shown7 = (1+1);}: the same code runs once, the value is the same object,
 * and the cell takes about 40 % less time (docs/decisions/015-final-expression-as-declaration.md).
 *
 * <p>Only sources that cannot mean anything else are declared, decided without compiling: one
 * expression the student wrote without a final semicolon (JShell sees it complete as it is), with
 * no {@code ;}, {@code ,} or {@code =} (other than {@code ==} and {@code !=}) outside brackets,
 * balanced brackets, not ending in a block, and not ending with a call that by its name returns
 * nothing. So statements, declarations, assignments (which JShell shows differently) and anonymous
 * classes keep JShell's own path. If the declaration does not compile (another method that returns
 * nothing, a lambda, a name that does not exist), nothing has run, and the kernel evaluates the
 * source the usual way, which gives JShell's usual errors.
 */
final class FinalExpression {
    /**
     * How the variables that hold the values begin; the execution count follows, and each is
     * dropped as soon as its value is shown. Each cell gets a name of its own, as JShell's
     * {@code $N} do, so that JShell gives each its own snippet id and a stack trace from a thread the
     * expression started names the right cell.
     */
    static final String VARIABLE_PREFIX = "$proclab$shown";

    /**
     * Methods that, called last in a cell, nearly always return nothing ({@code println},
     * {@code join}, {@code Pool.forEach}, ...): the declaration would fail to compile, and trying
     * it first would cost such a cell about 2 ms. A method of another name that returns nothing
     * still works, a little slower; one of these names that returns a value is shown the usual way.
     */
    private static final Set<String> RETURN_NOTHING = Set.of("print", "println", "printf", "forEach",
            "forEachOrdered", "sleep", "start", "join", "run", "close", "terminate", "kill", "interrupt",
            "shutdown", "clear", "sort", "put", "set", "release", "acquire", "notifyAll");

    private FinalExpression() {
    }

    /**
     * The declaration of {@code variable} that shows {@code piece}'s value, or null when the piece
     * is not an expression that can be shown this way.
     */
    static String declarationFor(CellPiece piece, String variable) {
        String expression = piece.source().strip();
        if (piece.completeness() != Completeness.COMPLETE || expression.isEmpty()
                || expression.endsWith(";") || expression.endsWith("}") || !isOneBareExpression(expression)
                || RETURN_NOTHING.contains(lastCalledName(expression))) {
            return null;
        }
        return "Object " + variable + " = (" + expression + "\n);";
    }

    /**
     * Scans the source as Java tokens (skipping comments, strings, text blocks and characters) and
     * checks that brackets balance and that nothing at the top level separates or assigns.
     */
    private static boolean isOneBareExpression(String source) {
        int depth = 0;
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            char next = i + 1 < length ? source.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                i = skipPast(source, i + 2, "\n");
            } else if (c == '/' && next == '*') {
                i = skipPast(source, i + 2, "*/");
            } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                i = skipQuoted(source, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(source, i + 1, String.valueOf(c));
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (depth == 0 && (c == ';' || c == ',' || isAssignment(source, i))) {
                    return false;
                }
                if (depth < 0) {
                    return false;
                }
                i = c == '=' && next == '=' ? i + 2 : i + 1;
            }
            if (i < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * The name of the method an expression ends by calling ({@code println} for
     * {@code System.out.println(x)}), or "" when it does not end with a call.
     */
    private static String lastCalledName(String expression) {
        if (!expression.endsWith(")")) {
            return "";
        }
        int depth = 0;
        int open = expression.length() - 1;
        for (; open >= 0; open--) {
            char c = expression.charAt(open);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                break;
            }
        }
        int end = open;
        while (end > 0 && Character.isWhitespace(expression.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(expression.charAt(start - 1))) {
            start--;
        }
        return expression.substring(Math.max(start, 0), Math.max(end, 0));
    }

    /** An {@code =} that is not part of {@code ==} or {@code !=}. */
    private static boolean isAssignment(String source, int index) {
        if (source.charAt(index) != '=') {
            return false;
        }
        boolean followedByEquals = index + 1 < source.length() && source.charAt(index + 1) == '=';
        boolean afterBang = index > 0 && source.charAt(index - 1) == '!';
        return !followedByEquals && !afterBang;
    }

    /** The index after {@code end}, or -1 if the source ends first. */
    private static int skipPast(String source, int from, String end) {
        int found = source.indexOf(end, from);
        if (found < 0) {
            return end.equals("\n") ? source.length() : -1;
        }
        return found + end.length();
    }

    /** The index after the closing quote of a literal, honouring backslash escapes; -1 if unclosed. */
    private static int skipQuoted(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return -1;
    }
}
