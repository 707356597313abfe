package org.proclab.display.widgets;

/**
 * A slider of decimal numbers (ipywidgets' {@code FloatSlider}):
 * {@code new FloatSlider("rate", 0.0, 1.0, 0.5)}, with a step of 0.1 unless {@link #setStep} says
 * otherwise.
 */
public final class FloatSlider extends Slider<Double> {
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
        super(MODEL, "FloatSlider", description, min, max, value, 0.1, ".2f");
    }

    @Override
    Double number(Number n) {
        return n instanceof Double d ? d : Double.valueOf(n.doubleValue());
    }
}
