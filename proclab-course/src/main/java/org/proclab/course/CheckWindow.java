package org.proclab.course;

import org.proclab.magic.CellClock;

/**
 * Where the windows of {@link Check} open: "in this notebook" at its start, and "since the last check"
 * at the last check made in an earlier cell, so that a check cell that asks after its own first
 * check still looks back to the cells above it, not to that first check.
 */
final class CheckWindow {
    /** In the kernel, one notebook per JVM: its window holds everything the log holds. */
    private static final long BEGINNING = Long.MIN_VALUE / 2;

    private long notebookStart = BEGINNING;
    private long lastCheckCell = BEGINNING;
    private long lastCheckAt = BEGINNING;
    private long beforeLastCheckCell = BEGINNING;

    /** A check was made now. */
    synchronized void checked() {
        long cell = CellClock.currentCellStart();
        if (cell != lastCheckCell) {
            beforeLastCheckCell = lastCheckAt;
            lastCheckCell = cell;
        }
        lastCheckAt = System.nanoTime();
    }

    /** When "since the last check" opens: the last check of an earlier cell, else the notebook's start. */
    synchronized long sinceLastCheck() {
        return CellClock.currentCellStart() == lastCheckCell ? beforeLastCheckCell : lastCheckAt;
    }

    /** When the notebook started. */
    synchronized long notebookStart() {
        return notebookStart;
    }

    /** A new notebook begins now (several run one after the other in {@code proclab check}). */
    synchronized void notebookStarted() {
        notebookStart = System.nanoTime();
        lastCheckCell = BEGINNING;
        lastCheckAt = notebookStart;
        beforeLastCheckCell = notebookStart;
    }
}
