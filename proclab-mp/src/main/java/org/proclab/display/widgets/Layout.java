package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a widget is laid out on the page: CSS size, margins, borders, flex and grid settings, each
 * a CSS value or null for the browser's default. Every {@link DomWidget} has one:
 * {@code slider.layout().setWidth("400px")}, or any key with
 * {@code box.layout().set("justify_content", "space-between")}.
 */
public final class Layout extends Widget {
    private static final List<String> KEYS = List.of("align_content", "align_items", "align_self", "border_bottom",
            "border_left", "border_right", "border_top", "bottom", "display", "flex", "flex_flow", "grid_area",
            "grid_auto_columns", "grid_auto_flow", "grid_auto_rows", "grid_column", "grid_gap", "grid_row",
            "grid_template_areas", "grid_template_columns", "grid_template_rows", "height", "justify_content",
            "justify_items", "left", "margin", "max_height", "max_width", "min_height", "min_width", "object_fit",
            "object_position", "order", "overflow", "padding", "right", "top", "visibility", "width");

    Layout() {
        super(Model.layout(), unset());
    }

    private static Map<String, Object> unset() {
        Map<String, Object> keys = new LinkedHashMap<>();
        KEYS.forEach(key -> keys.put(key, null));
        return keys;
    }

    /** Sets the CSS width, e.g. {@code "400px"} or {@code "50%"}; null: the default. */
    public void setWidth(String width) {
        set("width", width);
    }

    /** Sets the CSS height; null: the default. */
    public void setHeight(String height) {
        set("height", height);
    }

    /** The keys that are set. */
    @Override
    Map<String, Object> textFields() {
        Map<String, Object> set = new LinkedHashMap<>();
        KEYS.forEach(key -> {
            Object value = get(key);
            if (value != null) {
                set.put(key, value);
            }
        });
        return set;
    }
}
