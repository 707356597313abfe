package org.proclab.course;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.proclab.mp.Process;

/**
 * Checks for the course's exercises: a check cell tells the student at once whether the solution
 * above it is right, and {@code proclab check} counts the checks of a whole notebook, so a teacher
 * can grade a class's notebooks with one command.
 *
 * <pre>{@code
 * Check.equal("the squares of 1..5", List.of(1, 4, 9, 16, 25), squares);
 * Check.that("the pool was closed", pool.workers().isEmpty(), "leave the try block, or call close()");
 * }</pre>
 *
 * <p>A passing check prints one line starting with ✓. A failing one throws {@link Failed}, so the
 * cell shows an error that says what was expected, and a "Run All" stops there like any error.
 *
 * <p>A value can be typed in without doing the work: {@code killedCode = -9} without killing anything.
 * So a check can ask which processes really ran ({@link #processes()}, {@link #processesSinceLastCheck()},
 * {@link #observe}): their pids, names, exit codes, lives and the pool tasks they ran, as the kernel
 * recorded them. A check then passes only when a process behind the answer exists:
 *
 * <pre>{@code
 * var sleeperRecord = Check.processes().withPid(sleeper.pid());
 * Check.that("killedCode is the exit code of a child that was killed",
 *         sleeperRecord.isPresent() && sleeperRecord.get().exitCode() == -9 && killedCode == -9, "...");
 * }</pre>
 *
 * <p>A predict-then-run task notes the student's guess with {@link #predict} before the cell that
 * shows the truth; {@link #predictedBeforeRun} passes when processes ran after the guess was noted,
 * right or not.
 */
public final class Check {
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final CheckWindow WINDOW = new CheckWindow();

    private Check() {
    }

    /**
     * A prediction a student wrote down, with the moment it was noted, made by {@link Check#predict}.
     * {@link Check#predictedBeforeRun} passes when a process ran after that moment: the prediction came
     * before the run that shows the truth. It does not need to be right; guessing first and then looking
     * is the exercise. (Nested in Check, as {@link Observed} is, because cells import only Check: an
     * import of its own would clash with a student's class of the same name.)
     *
     * @param question what was asked
     * @param answer the student's answer; null (or blank text) while there is none
     * @param notedAt {@link System#nanoTime()} when it was noted
     */
    public record Prediction<T>(String question, T answer, long notedAt) {
        /** Whether an answer was written: not null, and not blank when it is text. */
        public boolean answered() {
            return answer != null && !(answer instanceof CharSequence text && text.toString().isBlank());
        }
    }

    /**
     * What {@link Check#observe} saw while a student's method ran: the value it returned, the processes
     * started meanwhile and the time it took, so a check can compare a measured time or a result with the
     * processes that really produced it.
     *
     * @param value what the method returned
     * @param processes the processes started while it ran
     * @param startedAt {@link System#nanoTime()} just before the call
     * @param endedAt {@link System#nanoTime()} just after it returned
     */
    public record Observed<T>(T value, ProcessRecords processes, long startedAt, long endedAt) {
        /** How long the call took. */
        public Duration took() {
            return Duration.ofNanos(endedAt - startedAt);
        }
    }

    /** A check that failed: its message says what was expected and, if given, a hint. */
    public static final class Failed extends AssertionError {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** Passes if {@code actual} equals {@code expected} ({@link Objects#equals}). */
    public static void equal(String what, Object expected, Object actual) {
        if (Objects.equals(expected, actual)) {
            pass(what);
        } else {
            throw fail(what + ": expected " + expected + " but got " + actual);
        }
    }

    /** Passes if {@code condition} holds; otherwise fails with the hint. */
    public static void that(String what, boolean condition, String hint) {
        if (condition) {
            pass(what);
        } else {
            throw fail(what + ": not yet. Hint: " + hint);
        }
    }

    /**
     * Every process this notebook started, and those they started, oldest first: all the kernel's
     * event log still holds (its latest {@value org.proclab.mp.spawn.ProcessEvents#CAPACITY} events).
     */
    public static ProcessRecords processes() {
        return ProcessRecords.startedSince(WINDOW.notebookStart());
    }

    /**
     * The processes started since the last check of an earlier cell: those of the cells between the
     * previous check cell and this one, when the student runs the notebook in order, and those this
     * cell has started so far. A check that asks "did the work above really run in processes"
     * looks here, so that processes of an earlier task do not count.
     */
    public static ProcessRecords processesSinceLastCheck() {
        return ProcessRecords.startedSince(WINDOW.sinceLastCheck());
    }

    /**
     * Runs {@code work} (typically a method the student wrote) and returns its value with the
     * processes started while it ran and the moments it began and ended, so that a check can run the
     * student's code itself on inputs of its own and see that processes did the work, or that a time
     * the method measured is no shorter than the lives of the processes it measured.
     *
     * @throws Exception whatever {@code work} throws
     */
    public static <T> Observed<T> observe(Callable<T> work) throws Exception {
        long before = System.nanoTime();
        T value = work.call();
        long after = System.nanoTime();
        return new Observed<>(value, ProcessRecords.startedSince(before).where(record -> record.startedAt() - after <= 0),
                before, after);
    }

    /**
     * Notes a prediction now, before the cell that shows the truth runs, and prints it, so the student
     * sees it was noted. Write the answer in place of null.
     */
    public static <T> Prediction<T> predict(String question, T answer) {
        Prediction<T> prediction = new Prediction<>(question, answer, System.nanoTime());
        System.out.println(prediction.answered() ? "Prediction noted: " + question + " → " + answer
                : "No prediction yet: write your answer in this cell, then run it");
        return prediction;
    }

    /**
     * Passes if {@code prediction} has an answer and a process started after it was noted: the
     * student guessed, then ran the cell that shows the truth. Right or wrong, the line says both.
     *
     * @param truth what the run showed, for the student to compare with the guess
     */
    public static <T> void predictedBeforeRun(Prediction<T> prediction, T truth) {
        notedBeforeARun(prediction);
        pass("you predicted before the run (" + prediction.question() + "): you said " + prediction.answer()
                + ", the run showed " + truth + (same(prediction.answer(), truth) ? ". Right!"
                : ". Not what you expected: find out why below"));
    }

    /**
     * Passes as {@link #predictedBeforeRun(Prediction, Object)} does, for a question whose truth
     * changes from run to run (which process finished first): the cell that ran shows it, and the
     * line only repeats the prediction.
     */
    public static void predictedBeforeRun(Prediction<?> prediction) {
        notedBeforeARun(prediction);
        pass("you predicted before the run (" + prediction.question() + "): you said " + prediction.answer()
                + "; compare it with what the run showed");
    }

    private static void notedBeforeARun(Prediction<?> prediction) {
        if (prediction == null || !prediction.answered()) {
            throw fail("a prediction: not yet. Hint: write your answer in the prediction cell and run it, "
                    + "then run the cell that shows the truth, then this one");
        }
        if (ProcessRecords.startedSince(prediction.notedAt()).isEmpty()) {
            throw fail(prediction.question() + ": no process ran after your prediction was noted. Hint: run the "
                    + "prediction cell, then the cell that shows the truth, then this one");
        }
    }

    /**
     * Waits until every one of {@code processes} (started already) has ended, at most {@code limit},
     * and says why they have not: empty once they all ended. When some of them wait for each other's
     * locks in a cycle (a deadlock, as {@code %locks} shows it), or one waits for a lock that the
     * calling thread holds (which waits here for it to end), for 3 s, it returns at once with the
     * deadlock in words, the locks named as {@code locks} says (name → lock); else, at the limit, that
     * they still run. So a check of a solution that deadlocks fails in seconds and says who holds and
     * waits for what; the check then ends the processes itself:
     *
     * <pre>{@code
     * var stuck = Check.awaitEnd(Duration.ofSeconds(30), Map.of("a", a, "b", b), there, back);
     * if (stuck.isPresent()) { there.terminate(); back.terminate(); }
     * }</pre>
     */
    public static Optional<String> awaitEnd(Duration limit, Map<String, ?> locks, Process... processes)
            throws InterruptedException {
        return new EndOrStuck(new LockDeadlocks(locks, processes), processes).await(limit);
    }

    /**
     * Waits until every one of {@code processes} (started already) has ended, at most {@code limit},
     * as {@link #awaitEnd(Duration, Map, Process...)} does, watching {@code progress} instead of locks:
     * when what it returns stays the same for 3 s while they run, it returns at once with
     * "WHAT stayed at VALUE for 3 s." ({@code what} names the progress). For a stall that is no lock
     * cycle, such as a consumer that joins its producer before it takes the items that would let the
     * producer end: count the items put in a {@code Value} and watch it.
     *
     * <pre>{@code
     * var put = Value.ofInt(0);             // the producer sets it after each put
     * var stuck = Check.awaitEnd(Duration.ofSeconds(20), "the numbers put", put::get, consumer);
     * }</pre>
     */
    public static Optional<String> awaitEnd(Duration limit, String what, Supplier<?> progress, Process... processes)
            throws InterruptedException {
        return new EndOrStuck(() -> what + " stayed at " + progress.get() + " for " + EndOrStuck.LASTING.toSeconds() + " s.",
                processes).await(limit);
    }

    /** How many checks passed in this process so far. */
    public static int passed() {
        return PASSED.get();
    }

    /** How many checks failed in this process so far. */
    public static int failed() {
        return FAILED.get();
    }

    /** A new notebook begins: {@link #processes()} and the last check start again from here. */
    static void notebookStarted() {
        WINDOW.notebookStarted();
    }

    private static boolean same(Object answer, Object truth) {
        if (answer instanceof CharSequence said && truth instanceof CharSequence shown) {
            return said.toString().strip().equalsIgnoreCase(shown.toString().strip());
        }
        return Objects.equals(answer, truth);
    }

    private static void pass(String what) {
        WINDOW.checked();
        PASSED.incrementAndGet();
        System.out.println("✓ " + what);
    }

    /** Counts a failed check and returns the error to throw, so the compiler sees that the caller stops. */
    private static Failed fail(String message) {
        WINDOW.checked();
        FAILED.incrementAndGet();
        return new Failed("✗ " + message);
    }
}
