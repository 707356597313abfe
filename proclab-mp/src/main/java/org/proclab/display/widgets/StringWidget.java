package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** A control whose value is a string: a text box, a label, an HTML fragment. */
abstract class StringWidget extends ValueWidget<String> {
    StringWidget(Model model, Map<String, Object> keys, Style style, String description) {
        super(model, keys, style, description);
    }

    /** {@code keys}, with {@code value} (null as empty) and the front end's empty placeholder. */
    static Map<String, Object> withValue(Map<String, Object> keys, String value) {
        Map<String, Object> all = new LinkedHashMap<>(keys);
        all.put("placeholder", "\u200b");
        all.put("value", value == null ? "" : value);
        return all;
    }

    @Override
    String fromState(Object stateValue) {
        return (String) stateValue;
    }

    @Override
    Object toState(String value) {
        return value == null ? "" : value;
    }

    @Override
    Object accept(String name, Object value) {
        if ((name.equals("value") || name.equals("placeholder")) && !(value instanceof String)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "'s " + name + " must be a string, not " + value);
        }
        return super.accept(name, value);
    }

    /** The description and the value: {@code Label(value="done")}. */
    @Override
    Map<String, Object> textFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("value", value());
        return describedText(fields);
    }
}
