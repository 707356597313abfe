package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A one-line text box (ipywidgets' {@code Text}). Its value follows every key the user types;
 * {@link #onSubmit} runs when the user presses Enter:
 *
 * <pre>{@code
 * var name = new Text("name", "");
 * name.onSubmit(text -> System.out.println("hello " + text));
 * name
 * }</pre>
 */
public final class Text extends StringWidget {
    private static final Model MODEL = Model.controls("TextModel", "TextView");

    /** An empty text box. */
    public Text() {
        this("", "");
    }

    /** A text box labelled {@code description} holding {@code value}. */
    public Text(String description, String value) {
        super(MODEL, keys(value), Style.text(), description);
    }

    private static Map<String, Object> keys(String value) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("continuous_update", true);
        keys.put("disabled", false);
        return withValue(keys, value);
    }

    /** Runs {@code action} with the text when the user presses Enter in the box. */
    public void onSubmit(Consumer<String> action) {
        Objects.requireNonNull(action, "action");
        onCustom(content -> {
            if ("submit".equals(content.get("event"))) {
                action.accept(value());
            }
        });
    }

    /** Sets the grey hint shown while the box is empty. */
    public void setPlaceholder(String placeholder) {
        set("placeholder", placeholder == null ? "\u200b" : placeholder);
    }

    /** Greys the box out (true) or lets the user type again (false). */
    public void setDisabled(boolean disabled) {
        set("disabled", disabled);
    }
}
