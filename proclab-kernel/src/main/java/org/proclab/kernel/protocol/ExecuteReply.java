package org.proclab.kernel.protocol;

import java.util.List;
import java.util.Map;

/** Content of {@code execute_reply}: {@code ok} or {@code error} with the error's details. */
public record ExecuteReply(String status, int executionCount, Map<String, Object> userExpressions,
                           List<Object> payload, String ename, String evalue, List<String> traceback) {

    public static ExecuteReply ok(int executionCount) {
        return new ExecuteReply("ok", executionCount, Map.of(), List.of(), null, null, null);
    }

    public static ExecuteReply error(int executionCount, ErrorContent error) {
        return new ExecuteReply("error", executionCount, null, null, error.ename(), error.evalue(), error.traceback());
    }

    public static ExecuteReply aborted(int executionCount) {
        return new ExecuteReply("aborted", executionCount, null, null, null, null, null);
    }
}
