package org.proclab.display.widgets;

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
public final class IntSlider extends Slider<Integer> {
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
        super(MODEL, "IntSlider", description, min, max, value, 1, "d");
    }

    @Override
    Integer number(Number n) {
        return wholeNumber(n);
    }
}
