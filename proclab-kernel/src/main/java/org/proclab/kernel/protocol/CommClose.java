package org.proclab.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Content of {@code comm_close}, either way: the comm's id and any last data. Null values in the
 * data are sent as JSON nulls.
 */
public record CommClose(String commId, @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> data) {
    public CommClose {
        data = data == null ? Map.of() : data;
    }
}
