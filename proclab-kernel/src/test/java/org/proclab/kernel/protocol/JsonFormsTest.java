package org.proclab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.proclab.kernel.wire.Json;

/** JSON that front ends read fields of: comm data with its nulls, and the JSON forms of a MIME bundle. */
class JsonFormsTest {
    // A widget that clears a key sends it as null, also inside the nested state: the null must reach the front end.
    @Test
    void commDataKeepsItsNulls() throws JsonProcessingException {
        Map<String, Object> state = new HashMap<>();
        state.put("tooltip", null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", "update");
        data.put("state", state);
        data.put("gone", null);
        assertEquals("{\"comm_id\":\"c\",\"data\":{\"method\":\"update\",\"state\":{\"tooltip\":null},\"gone\":null}}",
                Json.MAPPER.writeValueAsString(new CommMsg("c", data)));
        Map<String, Object> first = new HashMap<>();
        first.put("gone", null);
        assertEquals("{\"comm_id\":\"c\",\"target_name\":\"t\",\"data\":{\"gone\":null}}",
                Json.MAPPER.writeValueAsString(new CommOpen("c", "t", first, null)));
    }

    // A widget's view and any +json form go as JSON objects; other forms, and JSON text that does not parse, as text.
    @Test
    void jsonFormsGoAsJson() throws JsonProcessingException {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", "IntSlider(value=5)");
        bundle.put("application/vnd.jupyter.widget-view+json", "{\"model_id\": \"m1\", \"version_major\": 2}");
        bundle.put("application/json", "not json");
        assertEquals("{\"data\":{\"text/plain\":\"IntSlider(value=5)\","
                        + "\"application/vnd.jupyter.widget-view+json\":{\"model_id\":\"m1\",\"version_major\":2},"
                        + "\"application/json\":\"not json\"},\"metadata\":{},\"transient\":{}}",
                Json.MAPPER.writeValueAsString(DisplayData.of(bundle)));
    }
}
