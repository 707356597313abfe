package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Widgets side by side ({@link HBox}) or one above the other ({@link VBox}). */
public abstract class Box extends DomWidget {
    Box(Model model, List<? extends Widget> children) {
        super(model, keys(children));
    }

    private static Map<String, Object> keys(List<? extends Widget> children) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("box_style", "");
        keys.put("children", List.copyOf(children));
        return keys;
    }

    /** The widgets in the box, in order. */
    @SuppressWarnings("unchecked")
    public List<Widget> children() {
        return (List<Widget>) get("children");
    }

    /** Replaces the widgets in the box; the page follows. */
    public void setChildren(List<? extends Widget> children) {
        set("children", List.copyOf(children));
    }

    /** Only widgets can be children. */
    @Override
    Object accept(String name, Object value) {
        if (name.equals("children")
                && !(value instanceof List<?> list && list.stream().allMatch(Widget.class::isInstance))) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "'s children must be a list of widgets, not " + value);
        }
        return super.accept(name, value);
    }

    /** The children's text: {@code VBox(children=[IntSlider(value=1, min=0, max=9), Output()])}. */
    @Override
    Map<String, Object> textFields() {
        return Map.of("children", children());
    }
}
