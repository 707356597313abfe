package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A slider of decimal numbers (ipywidgets' {@code FloatSlider}):
 * {@code new FloatSlider("rate", 0.0, 1.0, 0.5)}, with a step of 0.1 unless {@link #setStep} says
 * otherwise.
 */
public final class FloatSlider extends BoundedWidget<Double> {
    private static final Model MODEL = Model.controls("FloatSliderModel", "FloatSliderView");

    /** A slider from 0 to 100 at 0. */
    public FloatSlider() {
        this("", 0.0, 100.0, 0.0);
    }

    /** A slider from {@code min} to {@code max}, at {@code min}. */
    public FloatSlider(double min, double max) {
        this("", min, max, min);
    }

    /** A slider labelled {@code description} from {@code min} to {@code max}, at {@code value} (clamped). */
    public FloatSlider(String description, double min, double max, double value) {
        super(MODEL, keys(min, max, value), Style.slider(), description);
    }

    private static Map<String, Object> keys(double min, double max, double value) {
        double start = clampedStart("FloatSlider", min, max, value);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("behavior", "drag-tap");
        keys.put("continuous_update", true);
        keys.put("disabled", false);
        keys.put("max", max);
        keys.put("min", min);
        keys.put("orientation", "horizontal");
        keys.put("readout", true);
        keys.put("readout_format", ".2f");
        keys.put("step", 0.1);
        keys.put("value", start);
        return keys;
    }

    /** The distance between two values the slider stops at. */
    public double step() {
        return ((Number) get("step")).doubleValue();
    }

    /** Sets the distance between two values the slider stops at. */
    public void setStep(double step) {
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
    Double number(Number n) {
        return n instanceof Double d ? d : Double.valueOf(n.doubleValue());
    }
}
