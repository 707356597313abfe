package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code inspect_reply}: documentation of the symbol at the cursor, if one was found. */
public record InspectReply(String status, boolean found, Map<String, Object> data, Map<String, Object> metadata) {
}
