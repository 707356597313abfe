package org.proclab.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Content of {@code comm_open}, either way: a new comm's id, the target it is for, and its first
 * data. Null values in the data are sent as JSON nulls (a widget's unset keys).
 */
public record CommOpen(String commId, String targetName,
                       @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> data,
                       String targetModule) {
    public CommOpen {
        data = data == null ? Map.of() : data;
    }
}
