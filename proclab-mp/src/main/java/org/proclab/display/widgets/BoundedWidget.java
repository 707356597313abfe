package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A number between a minimum and a maximum: sliders and progress bars. The value is kept within
 * the bounds, whoever sets it (a value beyond is clamped, as in ipywidgets), also when the bounds
 * move; a minimum above the maximum is refused.
 *
 * @param <T> Integer or Double
 */
public abstract class BoundedWidget<T extends Number & Comparable<T>> extends ValueWidget<T> {
    BoundedWidget(Model model, Map<String, Object> keys, Style style, String description) {
        super(model, keys, style, description);
    }

    /** The smallest value. */
    public T min() {
        return fromState(get("min"));
    }

    /** The largest value. */
    public T max() {
        return fromState(get("max"));
    }

    /** Sets the smallest value (not above the maximum); a value below it moves up to it. */
    public void setMin(T min) {
        set("min", min);
    }

    /** Sets the largest value (not below the minimum); a value above it moves down to it. */
    public void setMax(T max) {
        set("max", max);
    }

    @Override
    T fromState(Object stateValue) {
        return number((Number) stateValue);
    }

    /** {@code n} in this widget's number type. */
    abstract T number(Number n);

    /** {@code n} as a whole number, rounded: what the int widgets make of a number from the front end. */
    static Integer wholeNumber(Number n) {
        return n instanceof Integer i ? i : Integer.valueOf((int) Math.round(n.doubleValue()));
    }

    @Override
    Object accept(String name, Object value) {
        return switch (name) {
            case "value" -> clamp(numberFor(name, value), min(), max());
            case "min" -> bound(name, numberFor(name, value), numberFor(name, value), max());
            case "max" -> bound(name, numberFor(name, value), min(), numberFor(name, value));
            default -> super.accept(name, value);
        };
    }

    @Override
    void afterChange(String name) {
        if (name.equals("min") || name.equals("max")) {
            set("value", get("value"));
        }
    }

    /** The description, the value and the bounds: {@code IntSlider(value=5, min=0, max=10)}. */
    @Override
    Map<String, Object> textFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("value", value());
        fields.put("min", min());
        fields.put("max", max());
        return describedText(fields);
    }

    private T numberFor(String name, Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "'s " + name + " must be a number, not " + value);
        }
        return number(n);
    }

    private T bound(String name, T value, T min, T max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "'s " + name + " cannot be " + value
                    + ": the minimum " + min + " would be above the maximum " + max);
        }
        return value;
    }

    private static <T extends Comparable<T>> T clamp(T value, T min, T max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** Checks the bounds of a new widget before any comm opens. */
    static <T extends Comparable<T>> T clampedStart(String widget, T min, T max, T value) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(widget + ": the minimum " + min + " is above the maximum " + max);
        }
        return clamp(value, min, max);
    }
}
