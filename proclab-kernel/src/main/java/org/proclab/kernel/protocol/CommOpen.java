package org.proclab.kernel.protocol;

import java.util.Map;

/** Content of {@code comm_open}, either way: a new comm's id, the target it is for, and its first data. */
public record CommOpen(String commId, String targetName, Map<String, Object> data, String targetModule) {
    public CommOpen {
        data = data == null ? Map.of() : data;
    }
}
