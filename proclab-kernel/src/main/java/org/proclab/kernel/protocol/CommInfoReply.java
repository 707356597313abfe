package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code comm_info_reply}: the open comms by id. */
public record CommInfoReply(String status, Map<String, Object> comms) {
}
