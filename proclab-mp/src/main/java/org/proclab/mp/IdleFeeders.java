package org.proclab.mp;

import java.util.function.BooleanSupplier;

/**
 * The feeder threads of one {@link Pool} whose workers have nothing to do and wait for a chunk.
 * A feeder whose worker is busy may take a chunk ahead ({@link WorkAhead}), but only when no idle
 * worker waits: otherwise a map of as many long tasks as workers would give two tasks to one worker
 * while another one idles, where Python's pool gives every idle worker a task.
 */
final class IdleFeeders {
    private int waiting;

    /** A feeder that waits for a chunk now has an idle worker. */
    synchronized void enter() {
        waiting++;
        notifyAll();
    }

    /** That feeder stopped waiting: it took a chunk, or it was interrupted. */
    synchronized void leave() {
        waiting--;
        notifyAll();
    }

    /** Whether an idle worker's feeder waits for a chunk now. */
    synchronized boolean any() {
        return waiting > 0;
    }

    /**
     * Waits until the caller may take a chunk: at once if {@code callerIdle} says its own worker is
     * idle, else once no idle worker's feeder waits. {@code callerIdle} must not lock anything.
     */
    synchronized void awaitTurn(BooleanSupplier callerIdle) throws InterruptedException {
        while (waiting > 0 && !callerIdle.getAsBoolean()) {
            wait();
        }
    }
}
