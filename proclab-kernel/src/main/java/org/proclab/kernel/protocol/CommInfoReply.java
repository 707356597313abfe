package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code comm_info_reply}: the open comms by id, each with its {@code target_name}. */
public record CommInfoReply(String status, Map<String, Map<String, String>> comms) {
}
