package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link IntSlider} and {@link FloatSlider} share: the slider's state keys, its step, and
 * whether it is greyed out or sends values while dragged. They differ only in their number type,
 * model and readout format.
 */
public abstract class Slider<T extends Number & Comparable<T>> extends BoundedWidget<T> {
    Slider(Model model, String widget, String description, T min, T max, T value, T step, String readoutFormat) {
        super(model, keys(widget, min, max, value, step, readoutFormat), Style.slider(), description);
    }

    private static <T extends Number & Comparable<T>> Map<String, Object> keys(String widget, T min, T max, T value,
                                                                               T step, String readoutFormat) {
        T start = clampedStart(widget, min, max, value);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("behavior", "drag-tap");
        keys.put("continuous_update", true);
        keys.put("disabled", false);
        keys.put("max", max);
        keys.put("min", min);
        keys.put("orientation", "horizontal");
        keys.put("readout", true);
        keys.put("readout_format", readoutFormat);
        keys.put("step", step);
        keys.put("value", start);
        return keys;
    }

    /** The distance between two values the slider stops at. */
    public T step() {
        return number((Number) get("step"));
    }

    /** Sets the distance between two values the slider stops at, in the slider's number type. */
    public void setStep(Number step) {
        set("step", number(step));
    }

    /** Greys the slider out (true) or lets the user move it again (false). */
    public void setDisabled(boolean disabled) {
        set("disabled", disabled);
    }

    /** Whether the value is sent while the user drags (true, the default) or only when the handle is let go. */
    public void setContinuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
    }
}
