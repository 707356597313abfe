package org.proclab.engine.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The marks in the tracebacks a student sees: bold in the text's own colour, never an ANSI colour (decision 039). */
class ErrorReportsTest {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    static Stream<CellError> errors() {
        return Stream.of(
                ErrorReports.exception(new ArithmeticException("/ by zero"), null),
                ErrorReports.incomplete(3, new CellPiece("int f() {", 1, Completeness.DEFINITELY_INCOMPLETE)),
                ErrorReports.compileError(3, new CellPiece("String s = 42;", 1, Completeness.COMPLETE), 11,
                        "incompatible types: int cannot be converted to java.lang.String"),
                ErrorReports.interrupted(4, false),
                ErrorReports.interrupted(4, true),
                ErrorReports.stoppedByKernel(5, "OutOfMemoryError: the cell's threads filled the heap", false),
                ErrorReports.kernelOutOfMemory(6),
                ErrorReports.unresolved("method f()", List.of("variable g")));
    }

    // Every code is bold or reset, as any other code is a colour that one of the front ends' themes draws too faintly.
    @ParameterizedTest
    @MethodSource("errors")
    void tracebacksAreMarkedInBoldOnly(CellError error) {
        for (String line : error.traceback()) {
            Matcher code = ANSI.matcher(line);
            while (code.find()) {
                assertTrue(List.of("\u001b[1m", "\u001b[0m").contains(code.group()), line);
            }
        }
        assertTrue(error.traceback().get(0).startsWith("\u001b[1m"), error.traceback().get(0));
    }

    // An exception's headline names its type in bold and gives its message in the text's colour.
    @Test
    void anExceptionsHeadlineNamesItsTypeInBold() {
        CellError error = ErrorReports.exception(new ArithmeticException("/ by zero"), null);
        assertEquals("\u001b[1mjava.lang.ArithmeticException\u001b[0m: / by zero", error.traceback().get(0));
    }

    // A stop in a notebook whose code starts virtual threads says that a waiting one is not interrupted; others do not.
    @Test
    void aStopNotesVirtualThreadsOnlyWhenTheNotebookStartsThem() {
        assertEquals(2, ErrorReports.interrupted(4, false).traceback().size());
        List<String> noted = ErrorReports.interrupted(4, true).traceback();
        assertTrue(noted.get(noted.size() - 1).contains("goes on waiting, as the kernel cannot list virtual threads"),
                noted.toString());
        List<String> byKernel = ErrorReports.stoppedByKernel(5, "ThreadLimitError: too many", true).traceback();
        assertTrue(byKernel.get(byKernel.size() - 1).startsWith("Virtual threads this notebook started"), byKernel.toString());
    }
}
