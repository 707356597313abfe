package org.proclab.display.widgets;

import java.util.List;

/** Widgets one above the other: {@code new VBox(slider, output)}. */
public final class VBox extends Box {
    private static final Model MODEL = Model.controls("VBoxModel", "VBoxView");

    /** A box of {@code children}, top to bottom. */
    public VBox(Widget... children) {
        this(List.of(children));
    }

    /** A box of {@code children}, top to bottom. */
    public VBox(List<? extends Widget> children) {
        super(MODEL, children);
    }
}
