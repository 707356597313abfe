package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** A check box (ipywidgets' {@code Checkbox}): {@code new Checkbox("verbose", false)}. */
public final class Checkbox extends ValueWidget<Boolean> {
    private static final Model MODEL = Model.controls("CheckboxModel", "CheckboxView");

    /** An unticked box without a description. */
    public Checkbox() {
        this("", false);
    }

    /** A box labelled {@code description}, ticked when {@code value}. */
    public Checkbox(String description, boolean value) {
        super(MODEL, keys(value), Style.checkbox(), description);
    }

    private static Map<String, Object> keys(boolean value) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("disabled", false);
        keys.put("indent", true);
        keys.put("value", value);
        return keys;
    }

    /** Greys the box out (true) or lets the user tick it again (false). */
    public void setDisabled(boolean disabled) {
        set("disabled", disabled);
    }

    @Override
    Boolean fromState(Object stateValue) {
        return (Boolean) stateValue;
    }

    @Override
    Object accept(String name, Object value) {
        if (name.equals("value") && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("Checkbox's value must be true or false, not " + value);
        }
        return super.accept(name, value);
    }

    @Override
    Map<String, Object> textFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("value", value());
        return describedText(fields);
    }
}
