package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A slider of whole numbers (ipywidgets' {@code IntSlider}):
 *
 * <pre>{@code
 * var workers = new IntSlider("workers", 1, 8, 4);
 * workers.onChange(n -> System.out.println(n + " workers"));
 * workers                                  // shows the slider
 * workers.value()                          // what the user chose
 * }</pre>
 */
public final class IntSlider extends BoundedWidget<Integer> {
    private static final Model MODEL = Model.controls("IntSliderModel", "IntSliderView");

    /** A slider from 0 to 100 at 0. */
    public IntSlider() {
        this("", 0, 100, 0);
    }

    /** A slider from {@code min} to {@code max}, at {@code min}. */
    public IntSlider(int min, int max) {
        this("", min, max, min);
    }

    /** A slider labelled {@code description} from {@code min} to {@code max}, at {@code value} (clamped). */
    public IntSlider(String description, int min, int max, int value) {
        super(MODEL, keys(min, max, value), Style.slider(), description);
    }

    private static Map<String, Object> keys(int min, int max, int value) {
        int start = clampedStart("IntSlider", min, max, value);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("behavior", "drag-tap");
        keys.put("continuous_update", true);
        keys.put("disabled", false);
        keys.put("max", max);
        keys.put("min", min);
        keys.put("orientation", "horizontal");
        keys.put("readout", true);
        keys.put("readout_format", "d");
        keys.put("step", 1);
        keys.put("value", start);
        return keys;
    }

    /** The distance between two values the slider stops at. */
    public int step() {
        return ((Number) get("step")).intValue();
    }

    /** Sets the distance between two values the slider stops at. */
    public void setStep(int step) {
        set("step", step);
    }

    /** Greys the slider out (true) or lets the user move it again (false). */
    public void setDisabled(boolean disabled) {
        set("disabled", disabled);
    }

    /** Whether the value is sent while the user drags (true, the default) or only when the handle is let go. */
    public void setContinuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
    }

    @Override
    Integer number(Number n) {
        return n instanceof Integer i ? i : Integer.valueOf((int) Math.round(n.doubleValue()));
    }
}
