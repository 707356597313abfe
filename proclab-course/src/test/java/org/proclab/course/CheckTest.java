package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proclab.magic.CellClock;

/**
 * Check's verdicts that need no process: what a passing and a failing check print or throw, how they
 * are counted, and the bookkeeping of predictions. (CheckProcessesTest starts processes.)
 */
class CheckTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void newNotebookPrintingHere() {
        originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        CellClock.cellStarted();
        Check.notebookStarted();
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalOut);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    // A passing check prints one ✓ line and counts as passed.
    @Test
    void aPassingCheckPrintsATick() {
        int passed = Check.passed();
        int failed = Check.failed();
        Check.equal("the squares", List.of(1, 4, 9), List.of(1, 4, 9));
        Check.equal("nothing yet", null, null);
        Check.that("the pool was closed", true, "leave the try block");
        assertEquals("✓ the squares\n✓ nothing yet\n✓ the pool was closed\n", printed().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of(passed + 3, failed), List.of(Check.passed(), Check.failed()));
    }

    // A failing check throws an AssertionError (so Run All stops) that says what was expected, or the hint; it
    // prints nothing and counts as failed.
    @Test
    void aFailingCheckSaysWhatWasExpected() {
        int passed = Check.passed();
        int failed = Check.failed();
        Check.Failed unequal = assertThrows(Check.Failed.class,
                () -> Check.equal("the squares", List.of(1, 4, 9), List.of(1, 4, 8)));
        assertEquals("✗ the squares: expected [1, 4, 9] but got [1, 4, 8]", unequal.getMessage());
        assertEquals("✗ the answer: expected 42 but got null", assertThrows(Check.Failed.class,
                () -> Check.equal("the answer", 42, null)).getMessage());
        assertEquals("✗ the pool was closed: not yet. Hint: leave the try block", assertThrows(Check.Failed.class,
                () -> Check.that("the pool was closed", false, "leave the try block")).getMessage());
        assertTrue(unequal instanceof AssertionError);
        assertEquals("", printed());
        assertEquals(List.of(passed, failed + 3), List.of(Check.passed(), Check.failed()));
    }

    // An answer is written when it is not null and, as text, not blank.
    @ParameterizedTest
    @MethodSource("answers")
    void answeredMeansSomethingWasWritten(Object answer, boolean answered) {
        assertEquals(answered, new Check.Prediction<>("which box changes", answer, 0).answered());
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(null, false),
                Arguments.of("", false),
                Arguments.of(" \n\t", false),
                Arguments.of(new StringBuilder("  "), false),
                Arguments.of("the second", true),
                Arguments.of(0, true),
                Arguments.of(List.of(), true));
    }

    // predict() notes the moment and says whether an answer was noted.
    @Test
    void predictNotesTheAnswerAndTheMoment() {
        long before = System.nanoTime();
        Check.Prediction<String> noted = Check.predict("which box changes", "the second");
        Check.Prediction<String> blank = Check.predict("which box changes", null);
        long after = System.nanoTime();
        assertEquals("Prediction noted: which box changes → the second\n"
                + "No prediction yet: write your answer in this cell, then run it\n", printed().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of("which box changes", "the second"), List.of(noted.question(), noted.answer()));
        assertTrue(noted.notedAt() - before >= 0 && blank.notedAt() - noted.notedAt() >= 0 && after - blank.notedAt() >= 0);
    }

    // Without an answer, or without a process run after it, a prediction check fails and says what to do next.
    @Test
    void aPredictionNeedsAnAnswerAndARunAfterIt() {
        String noAnswer = "✗ a prediction: not yet. Hint: write your answer in the prediction cell and run it, "
                + "then run the cell that shows the truth, then this one";
        assertEquals(noAnswer, assertThrows(Check.Failed.class, () -> Check.predictedBeforeRun(null, "the first")).getMessage());
        Check.Prediction<String> blank = Check.predict("which box changes", " ");
        assertEquals(noAnswer, assertThrows(Check.Failed.class, () -> Check.predictedBeforeRun(blank)).getMessage());

        Check.Prediction<String> unrun = Check.predict("which box changes", "the second");
        assertEquals("✗ which box changes: no process ran after your prediction was noted. Hint: run the prediction cell,"
                + " then the cell that shows the truth, then this one",
                assertThrows(Check.Failed.class, () -> Check.predictedBeforeRun(unrun, "the first")).getMessage());
    }

    // What observe() saw took as long as its two readings span.
    @Test
    void anObservationTookTheTimeBetweenItsReadings() {
        assertEquals(Duration.ofNanos(1_500), new Check.Observed<>("value", Check.processes(), 1_000, 2_500).took());
    }
}
