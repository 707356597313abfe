package org.proclab.display.widgets;

import java.util.List;

/** Widgets side by side: {@code new HBox(start, stop, status)}. */
public final class HBox extends Box {
    private static final Model MODEL = Model.controls("HBoxModel", "HBoxView");

    /** A box of {@code children}, left to right. */
    public HBox(Widget... children) {
        this(List.of(children));
    }

    /** A box of {@code children}, left to right. */
    public HBox(List<? extends Widget> children) {
        super(MODEL, children);
    }
}
