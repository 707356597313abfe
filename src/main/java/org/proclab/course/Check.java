package org.proclab.course;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

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
 */
public final class Check {
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();

    private Check() {
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
            fail(what + ": expected " + expected + " but got " + actual);
        }
    }

    /** Passes if {@code condition} holds; otherwise fails with the hint. */
    public static void that(String what, boolean condition, String hint) {
        if (condition) {
            pass(what);
        } else {
            fail(what + ": not yet. Hint: " + hint);
        }
    }

    /** How many checks passed in this process so far. */
    public static int passed() {
        return PASSED.get();
    }

    /** How many checks failed in this process so far. */
    public static int failed() {
        return FAILED.get();
    }

    private static void pass(String what) {
        PASSED.incrementAndGet();
        System.out.println("✓ " + what);
    }

    private static void fail(String message) {
        FAILED.incrementAndGet();
        throw new Failed("✗ " + message);
    }
}
