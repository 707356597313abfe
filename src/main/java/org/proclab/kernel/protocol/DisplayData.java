package org.proclab.kernel.protocol;

import java.util.Map;

/** {@code display_data}: a rich output (a MIME bundle) shown in the cell. */
public record DisplayData(Map<String, String> data, Map<String, Object> metadata) {
}
