package org.proclab.kernel.protocol;

import java.util.List;

/** Content of {@code history_reply}: entries of {@code [session, line number, input]}. */
public record HistoryReply(String status, List<List<Object>> history) {
}
