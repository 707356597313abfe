package org.proclab.display.widgets;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A control with a value the user changes or reads: a slider's number, a check box's boolean, a
 * text box's string, a drop-down's chosen option. {@link #onChange} runs code with each new
 * value, and {@link Widgets#interact} re-runs a function with it.
 *
 * @param <T> the value's Java type
 */
public abstract class ValueWidget<T> extends DescriptionWidget {
    ValueWidget(Model model, Map<String, Object> keys, Style style, String description) {
        super(model, keys, style, description);
    }

    /** The current value. */
    public T value() {
        return fromState(get(valueKey()));
    }

    /** Sets the value: the front end shows it, and the observers and {@link #onChange} actions run. */
    public void setValue(T value) {
        set(valueKey(), toState(value));
    }

    /** Runs {@code action} with the new value after every change, made in Java or by the user. */
    public void onChange(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        observe(valueKey(), change -> action.accept(fromState(change.newValue())));
    }

    /** The state key that holds the value: {@code "value"}, or a drop-down's {@code "index"}. */
    String valueKey() {
        return "value";
    }

    /** The value a state value stands for. */
    abstract T fromState(Object stateValue);

    /** The state value that stands for {@code value}. */
    Object toState(T value) {
        return value;
    }
}
