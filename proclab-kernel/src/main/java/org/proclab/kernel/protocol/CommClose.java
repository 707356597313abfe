package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code comm_close}, either way: the comm's id and any last data. */
public record CommClose(String commId, Map<String, Object> data) {
    public CommClose {
        data = data == null ? Map.of() : data;
    }
}
