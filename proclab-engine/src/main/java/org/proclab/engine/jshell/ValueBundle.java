package org.proclab.engine.jshell;

import java.util.Map;
import org.proclab.display.DisplayId;
import org.proclab.display.MimeBundle;
import org.proclab.display.Renderers;

/**
 * How the value of a cell's last expression shows in {@code execute_result}: rich when
 * {@link Renderers} has a rendering for it (a {@code Markdown}, an image, a list of records, a
 * registered type), with its text form beside it; otherwise as text as {@code jshell} would show it
 * ({@code 42}, {@code "hi"}), a long collection broken over lines (see {@link ValueText}).
 */
final class ValueBundle {
    private ValueBundle() {
    }

    /** The bundle for {@code value}, or null when it is not shown. Runs user renderers: call it in the cell. */
    static Map<String, String> of(Object value) {
        if (isQuiet(value)) {
            return null;
        }
        return Renderers.rich(value).map(MimeBundle::data)
                .orElseGet(() -> Map.of("text/plain", ValueText.of(value)));
    }

    /**
     * Whether a value is the by-product of a call made for its effect: {@code System.out.printf(...)}
     * returns the stream, and showing {@code java.io.PrintStream@1b2c3d} after the printed text would
     * only confuse (Python's {@code print} returns None, which is not shown either); a cell ending in
     * {@code display(...)} has already shown what it meant to, not its id.
     */
    private static boolean isQuiet(Object value) {
        return value != null && (value == System.out || value == System.err || value instanceof DisplayId);
    }
}
