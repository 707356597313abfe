package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A control with a description, the label in front of it ({@code "speed"} before a slider), and
 * a {@link Style} (colours, the description's width).
 */
public abstract class DescriptionWidget extends DomWidget {
    /** Opens the widget with {@code keys}, its description and its style (created by the caller, before). */
    DescriptionWidget(Model model, Map<String, Object> keys, Style style, String description) {
        super(model, withDescription(keys, style, description));
    }

    private static Map<String, Object> withDescription(Map<String, Object> keys, Style style, String description) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("description", description == null ? "" : description);
        all.put("description_allow_html", false);
        all.put("style", style);
        all.putAll(keys);
        return all;
    }

    /** The label in front of the control; empty for none. */
    public String description() {
        return (String) get("description");
    }

    /** Sets the label in front of the control. */
    public void setDescription(String description) {
        set("description", description == null ? "" : description);
    }

    /** The control's style: {@code slider.style().set("handle_color", "orange")}. */
    public Style style() {
        return (Style) get("style");
    }

    /** Closes the widget, its layout and its style. */
    @Override
    public void close() {
        super.close();
        style().close();
    }

    /** The description first, when there is one, then {@code fields}. */
    Map<String, Object> describedText(Map<String, Object> fields) {
        Map<String, Object> text = new LinkedHashMap<>();
        if (!description().isEmpty()) {
            text.put("description", description());
        }
        text.putAll(fields);
        return text;
    }
}
