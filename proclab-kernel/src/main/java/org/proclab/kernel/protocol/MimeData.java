package org.proclab.kernel.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.proclab.kernel.wire.Json;

/**
 * A MIME bundle as Jupyter sends it. The display API keeps every form as text; Jupyter wants the
 * JSON forms ({@code application/json} and any {@code +json} type, such as a widget's view) as
 * JSON objects, which front ends read fields of, so their text is parsed here. Text that does not
 * parse is sent as text.
 */
public final class MimeData {
    private MimeData() {
    }

    /** {@code bundle} with its JSON forms as JSON, in the same order. */
    public static Map<String, Object> of(Map<String, String> bundle) {
        Map<String, Object> data = new LinkedHashMap<>();
        bundle.forEach((mimeType, content) -> data.put(mimeType, isJson(mimeType) ? parsed(content) : content));
        return data;
    }

    static boolean isJson(String mimeType) {
        return mimeType.equals("application/json") || mimeType.endsWith("+json");
    }

    private static Object parsed(String content) {
        try {
            return Json.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            return content;
        }
    }
}
