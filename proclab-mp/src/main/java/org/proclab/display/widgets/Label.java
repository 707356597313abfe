package org.proclab.display.widgets;

import java.util.Map;

/**
 * A line of plain text (ipywidgets' {@code Label}), for a status a cell or a handler updates:
 * {@code var status = new Label("waiting"); ... status.setValue("done");}.
 */
public final class Label extends StringWidget {
    private static final Model MODEL = Model.controls("LabelModel", "LabelView");

    /** An empty label. */
    public Label() {
        this("");
    }

    /** A label showing {@code value}. */
    public Label(String value) {
        super(MODEL, withValue(Map.of(), value), Style.label(), "");
    }
}
