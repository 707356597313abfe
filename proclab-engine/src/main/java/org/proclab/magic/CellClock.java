package org.proclab.magic;

/**
 * When the current and the previous cell started, for magics that look back at "the last cell"
 * ({@code %timeline --last}). Whoever runs cells calls {@link #cellStarted()}.
 */
public final class CellClock {
    private static volatile long current = System.nanoTime();
    private static volatile long previous = current;

    private CellClock() {
    }

    /** Marks the start of a new cell. */
    public static void cellStarted() {
        previous = current;
        current = System.nanoTime();
    }

    /**
     * When the current cell started ({@link System#nanoTime()}): lets code that a cell calls tell
     * whether something it remembers happened in this cell or in an earlier one.
     */
    public static long currentCellStart() {
        return current;
    }

    /** When the cell before the current one started. */
    static long previousCellStart() {
        return previous;
    }
}
