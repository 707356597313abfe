package org.proclab.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Content of {@code comm_msg}, either way: the comm's id and the data. Null values in the data are
 * sent as JSON nulls (a widget clears a key with one).
 */
public record CommMsg(String commId, @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Object> data) {
    public CommMsg {
        data = data == null ? Map.of() : data;
    }
}
