package org.proclab.render;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** A progress bar as a MIME bundle: an HTML {@code <progress>} for notebooks, a text bar elsewhere. */
public final class ProgressText {
    private static final int TEXT_WIDTH = 30;

    private ProgressText() {
    }

    /** The bar for {@code done} of {@code total} items of {@code what}, after {@code elapsed}. */
    public static Map<String, String> bundle(String what, int done, int total, Duration elapsed) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        int filled = total == 0 ? TEXT_WIDTH : (int) ((long) TEXT_WIDTH * done / total);
        String counts = String.format(Locale.ROOT, "%d%% · %,d / %,d items · %.1f s", percent, done, total,
                elapsed.toMillis() / 1000.0);
        String plain = what + ": [" + "#".repeat(filled) + "-".repeat(TEXT_WIDTH - filled) + "] " + counts;
        String html = "<div><span>" + what + "</span> <progress value=\"" + done + "\" max=\"" + total
                + "\" style=\"width: 20em; vertical-align: middle;\"></progress> <span>" + counts + "</span></div>";
        return Map.of("text/plain", plain, "text/html", html);
    }
}
