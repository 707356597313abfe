package org.proclab.mp;

import java.time.Duration;

/**
 * Where a {@link Pool} reports the progress of a long map, so a notebook can show a live progress
 * bar. It belongs to the pool's context ({@link MpContext#progress()}), like the settings its
 * children start with: the kernel's session gives the {@linkplain MpContext#defaultContext() default
 * context} one that draws a bar in the running cell and updates it in place
 * ({@link DefaultContext#reportProgressTo}), and contexts from {@link MpContext#get} follow it. Plain
 * Java programs and child processes report to {@link #NONE}. One context can report elsewhere:
 * {@code MpContext.defaultContext().withProgress(reporter).pool(4)}.
 */
public interface ProgressReporter {
    /** Maps over fewer items than this report no progress: they are over before a bar would help. */
    int MINIMUM_ITEMS = 1000;

    /** Shows no bar: where no front end draws one. */
    ProgressReporter NONE = (what, total) -> null;

    /** One map's progress. Calls come from the pool's threads, at most every 100 ms, then once at the end. */
    interface Bar {
        /** {@code done} of the map's items are computed. */
        void update(int done);

        /** The map is over: all {@code done} items (fewer if it failed) after {@code took}. */
        void finish(int done, Duration took);
    }

    /** A map of {@code total} items began; {@code what} names the pool, e.g. {@code "Pool(4)"}; null for no bar. */
    Bar start(String what, int total);
}
