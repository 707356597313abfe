package org.proclab.engine.io;

import java.util.Map;

/**
 * Sends a rich output of one cell to the front end: {@code display_data}, or
 * {@code update_display_data} when {@code update} is set. Must not throw and must not block for long.
 */
@FunctionalInterface
public interface DisplayPublisher {
    /**
     * @param bundle the forms keyed by MIME type, {@code text/plain} among them
     * @param displayId names the output so later updates replace it; null for one never updated
     * @param update whether this replaces the output named {@code displayId}
     */
    void publish(Map<String, String> bundle, String displayId, boolean update);
}
