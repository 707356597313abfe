package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A widget drawn on the page (ipywidgets' {@code DOMWidget}): it has a {@link Layout} (size,
 * margins, borders), a tooltip, CSS classes and a {@code tabbable} flag, besides its own keys.
 */
public abstract class DomWidget extends Widget {
    /** Creates the layout, then opens the widget with it and {@code keys}. */
    DomWidget(Model model, Map<String, Object> keys) {
        super(model, withDomKeys(keys));
    }

    private static Map<String, Object> withDomKeys(Map<String, Object> keys) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("_dom_classes", List.of());
        all.put("layout", new Layout());
        all.put("tabbable", null);
        all.put("tooltip", null);
        all.putAll(keys);
        return all;
    }

    /** The widget's layout: {@code slider.layout().setWidth("400px")}. */
    public Layout layout() {
        return (Layout) get("layout");
    }

    /** The text shown when the pointer rests on the widget, or null for none. */
    public String tooltip() {
        return (String) get("tooltip");
    }

    /** Sets the text shown when the pointer rests on the widget (null: none). */
    public void setTooltip(String tooltip) {
        set("tooltip", tooltip);
    }

    /** Closes the widget and its layout. */
    @Override
    public void close() {
        super.close();
        layout().close();
    }
}
