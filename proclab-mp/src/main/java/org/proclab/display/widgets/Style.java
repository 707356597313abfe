package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a control looks: colours, fonts, the width of its description. Each kind of control has
 * its own style model with its own keys (a slider's {@code handle_color}, a button's
 * {@code button_color}, a progress bar's {@code bar_color}); set them with
 * {@code slider.style().set("handle_color", "orange")}.
 */
public final class Style extends Widget {
    private static final List<String> FONT = List.of("font_family", "font_size", "font_style", "font_variant",
            "font_weight", "text_color", "text_decoration");

    private Style(String modelName, Map<String, Object> keys) {
        super(Model.style(modelName), keys);
    }

    /** The style of sliders. */
    static Style slider() {
        return new Style("SliderStyleModel", keys(true, "handle_color"));
    }

    /** The style of a control with only a description (a drop-down). */
    static Style description() {
        return new Style("DescriptionStyleModel", keys(true));
    }

    /** The style of a check box. */
    static Style checkbox() {
        return new Style("CheckboxStyleModel", keys(true, "background"));
    }

    /** The style of a text box. */
    static Style text() {
        return new Style("TextStyleModel", keys(true, "background", "font_size", "text_color"));
    }

    /** The style of a progress bar. */
    static Style progress() {
        return new Style("ProgressStyleModel", keys(true, "bar_color"));
    }

    /** The style of a label. */
    static Style label() {
        return new Style("LabelStyleModel", keys(true, withFont("background")));
    }

    /** The style of an HTML widget. */
    static Style html() {
        return new Style("HTMLStyleModel", keys(true, "background", "font_size", "text_color"));
    }

    /** The style of a button, which has no description width. */
    static Style button() {
        return new Style("ButtonStyleModel", keys(false, withFont("button_color")));
    }

    private static String[] withFont(String key) {
        return Stream.concat(Stream.of(key), FONT.stream()).toArray(String[]::new);
    }

    /** {@code description_width} (empty: the default) when asked, and each of {@code unset} as null. */
    private static Map<String, Object> keys(boolean descriptionWidth, String... unset) {
        Map<String, Object> keys = new LinkedHashMap<>();
        if (descriptionWidth) {
            keys.put("description_width", "");
        }
        for (String key : unset) {
            keys.put(key, null);
        }
        return keys;
    }

    @Override
    Map<String, Object> textFields() {
        return Map.of();
    }
}
