package org.proclab.render;

import java.util.Locale;

/** How renders write a duration: whole milliseconds with thousands separated, {@code 1,234 ms}. */
public final class Durations {
    private Durations() {
    }

    /** {@code nanos} as whole milliseconds, e.g. {@code 1,234 ms}. */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
    }
}
