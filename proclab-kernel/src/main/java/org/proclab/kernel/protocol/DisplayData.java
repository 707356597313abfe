package org.proclab.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code display_data} and {@code update_display_data}: a rich output (a MIME bundle) shown in the
 * cell; a {@code display_id} in {@code transient} lets later updates replace it in place. JSON forms
 * go as JSON ({@link MimeData}).
 */
public record DisplayData(Map<String, Object> data, Map<String, Object> metadata,
                          @JsonProperty("transient") Map<String, Object> transientData) {
    /** A display that is never updated. */
    public static DisplayData of(Map<String, String> data) {
        return new DisplayData(MimeData.of(data), Map.of(), Map.of());
    }

    /** A display that updates with the same {@code displayId} replace. */
    public static DisplayData updatable(Map<String, String> data, String displayId) {
        return new DisplayData(MimeData.of(data), Map.of(), Map.of("display_id", displayId));
    }
}
