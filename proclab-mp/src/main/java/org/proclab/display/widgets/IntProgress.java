package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A progress bar (ipywidgets' {@code IntProgress}) that a cell, a thread or a handler moves along:
 *
 * <pre>{@code
 * var done = new IntProgress("chunks", 0, 20, 0);
 * display(done);
 * for (int i = 1; i <= 20; i++) { work(i); done.setValue(i); }
 * done.setBarStyle("success");
 * }</pre>
 */
public final class IntProgress extends BoundedWidget<Integer> {
    private static final Model MODEL = Model.controls("IntProgressModel", "ProgressView");

    /** A bar from {@code min} to {@code max}, at {@code min}. */
    public IntProgress(int min, int max) {
        this("", min, max, min);
    }

    /** A bar labelled {@code description} from {@code min} to {@code max}, at {@code value} (clamped). */
    public IntProgress(String description, int min, int max, int value) {
        super(MODEL, keys(min, max, value), Style.progress(), description);
    }

    private static Map<String, Object> keys(int min, int max, int value) {
        int start = clampedStart("IntProgress", min, max, value);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("bar_style", "");
        keys.put("max", max);
        keys.put("min", min);
        keys.put("orientation", "horizontal");
        keys.put("value", start);
        return keys;
    }

    /** Colours the bar: {@code "success"}, {@code "info"}, {@code "warning"}, {@code "danger"}, or {@code ""} for the default. */
    public void setBarStyle(String barStyle) {
        set("bar_style", barStyle);
    }

    @Override
    Integer number(Number n) {
        return wholeNumber(n);
    }
}
