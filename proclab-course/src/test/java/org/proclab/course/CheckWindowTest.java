package org.proclab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.proclab.magic.CellClock;

/**
 * Where "in this notebook" and "since the last check" begin, as cells start (the cell clock) and
 * checks are made. Times are {@link System#nanoTime()} readings, compared by difference as the
 * window's users compare them.
 */
class CheckWindowTest {
    private final CheckWindow window = new CheckWindow();

    // In the kernel no notebook is ever started: both windows reach back before anything the log holds.
    @Test
    void withoutANotebookStartEverythingCounts() {
        assertTrue(System.nanoTime() - window.notebookStart() > 0);
        assertEquals(window.notebookStart(), window.sinceLastCheck());
    }

    // A new notebook opens both windows at its start, whatever came before.
    @Test
    void aNotebookStartOpensBothWindows() {
        CellClock.cellStarted();
        window.checked();
        long before = System.nanoTime();
        window.notebookStarted();
        long after = System.nanoTime();
        assertTrue(window.notebookStart() - before >= 0 && after - window.notebookStart() >= 0);
        assertEquals(window.notebookStart(), window.sinceLastCheck());
    }

    // Checks in the current cell leave "since the last check" where it was; the next cell looks back to
    // the last check of the previous check cell, and so do cells after it that make no check.
    @Test
    void sinceTheLastCheckOpensAtTheLastCheckOfAnEarlierCell() {
        CellClock.cellStarted();
        window.notebookStarted();
        long notebookStart = window.notebookStart();
        window.checked();
        long betweenChecks = System.nanoTime();
        window.checked();
        long afterChecks = System.nanoTime();
        assertEquals(notebookStart, window.sinceLastCheck(), "the first check cell looks back to the notebook's start");

        CellClock.cellStarted();
        long lastCheckOfFirstCell = window.sinceLastCheck();
        assertTrue(lastCheckOfFirstCell - betweenChecks >= 0 && afterChecks - lastCheckOfFirstCell >= 0,
                "the second check of the first cell, not its first");
        window.checked();
        long afterSecondCellsCheck = System.nanoTime();
        assertEquals(lastCheckOfFirstCell, window.sinceLastCheck(), "a check does not move the window of its own cell");

        CellClock.cellStarted();
        long lastCheckOfSecondCell = window.sinceLastCheck();
        assertTrue(lastCheckOfSecondCell - afterChecks > 0 && afterSecondCellsCheck - lastCheckOfSecondCell >= 0);
        CellClock.cellStarted();
        assertEquals(lastCheckOfSecondCell, window.sinceLastCheck(), "a cell without checks does not move it");
        assertEquals(notebookStart, window.notebookStart());
    }
}
