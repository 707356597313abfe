package org.proclab.kernel;

/**
 * The {@link HeapGuard}'s rule: where it looks next at the old generation's use, and whether a look
 * stops the running cell. Apart from the JVM's notifications that drive it, so that it can be tested
 * without filling a heap.
 *
 * <p>The JVM tells of a usage threshold's crossing once, until the use falls below the threshold
 * again; so after each look the threshold moves halfway from what is in use to the maximum, for a
 * next look if the use keeps growing. A collection that leaves less in use moves it back down, to the
 * first look once the use is below that: otherwise, after the user has freed what a stopped cell
 * held, a next cell that fills the heap would first be looked at the raised threshold, with less room
 * left than the first time, and might meet a real {@link OutOfMemoryError} before the guard looks.
 *
 * <p>Thread-safe: the JVM's notifications arrive on its notification thread, one at a time.
 */
final class HeapLooks {
    private final long max;
    private final long firstLook;
    private final long stopAt;
    private long threshold;
    private long heldAtLastStop;

    /** For an old generation that may hold {@code max} bytes. */
    HeapLooks(long max) {
        this.max = max;
        this.firstLook = (long) (max * HeapGuard.LOOK_AT_SHARE);
        this.stopAt = (long) (max * HeapGuard.STOP_AT_SHARE);
        this.threshold = firstLook;
    }

    /** The use at which the JVM should tell the guard to look next. */
    synchronized long threshold() {
        return threshold;
    }

    /**
     * A look: the use crossed the threshold and a full collection left {@code used} in use. Returns
     * whether the running cell stops: it fills {@link HeapGuard#STOP_AT_SHARE} of the maximum and,
     * after an earlier stop, at least half of what that stop left free. Without the second rule, memory
     * an earlier cell's variable still holds would stop every next cell whose compiling crosses the
     * threshold, the very cell that sets that variable to null, as the error advises, among them.
     */
    synchronized boolean looked(long used) {
        boolean stop = used >= stopAt && used >= halfwayToMax(heldAtLastStop);
        if (stop) {
            heldAtLastStop = used;
        } else if (used < stopAt) {
            heldAtLastStop = 0;
        }
        threshold = nextLook(used);
        return stop;
    }

    /**
     * A collection of the old generation left {@code used} in use: if that is less than what the
     * threshold was set for, the threshold comes down to where a look at this use would set it, and
     * below {@link HeapGuard#STOP_AT_SHARE} what the last stop held is let go. It never goes up here: a
     * use that grew past the threshold is the JVM's to tell, and a look's to judge.
     */
    synchronized void collected(long used) {
        if (used < stopAt) {
            heldAtLastStop = 0;
        }
        threshold = Math.min(threshold, nextLook(used));
    }

    private long nextLook(long used) {
        return Math.max(firstLook, halfwayToMax(used));
    }

    /** Halfway from {@code used} to the maximum: where the guard looks next, and what a next stop must fill. */
    private long halfwayToMax(long used) {
        return used + (max - used) / 2;
    }
}
