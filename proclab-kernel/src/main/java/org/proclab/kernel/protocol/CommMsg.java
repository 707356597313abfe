package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code comm_msg}, either way: the comm's id and the data. */
public record CommMsg(String commId, Map<String, Object> data) {
    public CommMsg {
        data = data == null ? Map.of() : data;
    }
}
