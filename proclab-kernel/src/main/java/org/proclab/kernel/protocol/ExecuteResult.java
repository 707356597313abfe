package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code execute_result}: the value of the cell's final expression as a MIME bundle. */
public record ExecuteResult(int executionCount, Map<String, Object> data, Map<String, Object> metadata) {
}
