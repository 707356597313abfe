package org.proclab.kernel.protocol;

import java.util.List;
import java.util.Map;

/** Content of {@code complete_reply}: the candidates and the range of the code they replace. */
public record CompleteReply(String status, List<String> matches, int cursorStart, int cursorEnd,
                            Map<String, Object> metadata) {
}
