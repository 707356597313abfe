package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The heap guard's rule, on an old generation of 1000 bytes: it first looks at 600 and stops a cell at 750. */
class HeapLooksTest {
    private final HeapLooks looks = new HeapLooks(1000);

    // A look that finds less than 75 % in use after a collection stops nothing, and the next look comes
    // halfway from that use to the maximum, as the JVM tells of a crossing only once.
    @Test
    void aLookStopsACellThatLeaves75PercentInUseAndMovesTheNextLookHalfwayUp() {
        assertEquals(600, looks.threshold());
        assertFalse(looks.looked(740));
        assertEquals(870, looks.threshold());
        assertTrue(looks.looked(750));
        assertEquals(875, looks.threshold());
    }

    // After a stop, the next cell is stopped only if it took at least half of what remained, so a cell run
    // while an earlier variable still holds the heap (the one setting it to null) runs.
    @Test
    void afterAStopOnlyACellThatFillsHalfOfWhatIsLeftIsStopped() {
        assertTrue(looks.looked(940));
        assertFalse(looks.looked(940), "memory held since the last stop does not stop the next cell");
        assertFalse(looks.looked(960));
        assertTrue(looks.looked(970), "a cell that took half of what the last stop left is stopped");
    }

    // Once the user has freed what a stopped cell held, a next cell that fills the heap is looked at and
    // stopped as early as the first one was, not at the raised threshold with less room left.
    @Test
    void aCollectionThatFreesTheHeldMemoryBringsBackTheFirstLook() {
        assertTrue(looks.looked(800));
        assertEquals(900, looks.threshold());

        looks.collected(100);

        assertEquals(600, looks.threshold());
        assertTrue(looks.looked(760), "what the last stop held is let go");
    }

    // A collection that finds the memory still held (the guard's own, right after a stop) changes nothing:
    // the cell that sets the variable to null is not stopped on its way.
    @Test
    void aCollectionThatFindsTheMemoryStillHeldKeepsTheRaisedLook() {
        assertTrue(looks.looked(940));

        looks.collected(940);

        assertEquals(970, looks.threshold());
        assertFalse(looks.looked(960));
    }

    // Part of the memory freed: the next look comes halfway from what is left, and below 75 % in use what the
    // last stop held is let go.
    @Test
    void aCollectionThatFreesPartOfItBringsTheNextLookDownHalfway() {
        assertTrue(looks.looked(800));

        looks.collected(700);

        assertEquals(850, looks.threshold());
        assertTrue(looks.looked(760));
    }

    // A collection never moves the look up: a use that grew past the threshold is the JVM's to tell.
    @Test
    void aCollectionNeverRaisesTheThreshold() {
        looks.collected(700);
        assertEquals(600, looks.threshold());
        assertFalse(looks.looked(700));
        looks.collected(740);
        assertEquals(850, looks.threshold());
    }
}
