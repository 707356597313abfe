package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A button (ipywidgets' {@code Button}). Its click reaches {@link #onClick} actions also while a
 * cell runs, so a button can stop a running loop:
 *
 * <pre>{@code
 * var stop = new Button("Stop");
 * var stopped = new java.util.concurrent.atomic.AtomicBoolean();
 * stop.onClick(() -> stopped.set(true));
 * display(stop);
 * while (!stopped.get()) { step(); }
 * }</pre>
 */
public final class Button extends DomWidget {
    private static final Model MODEL = Model.controls("ButtonModel", "ButtonView");

    private final List<Runnable> clickActions = new CopyOnWriteArrayList<>();

    /** A button without a caption. */
    public Button() {
        this("");
    }

    /** A button showing {@code description}. */
    public Button(String description) {
        super(MODEL, keys(description, Style.button()));
        onCustom(content -> {
            if ("click".equals(content.get("event"))) {
                click();
            }
        });
    }

    private static Map<String, Object> keys(String description, Style style) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("button_style", "");
        keys.put("description", description == null ? "" : description);
        keys.put("disabled", false);
        keys.put("icon", "");
        keys.put("style", style);
        return keys;
    }

    /** Runs {@code action} on every click, in the order the actions were added. */
    public void onClick(Runnable action) {
        clickActions.add(Objects.requireNonNull(action, "action"));
    }

    /** Clicks the button from Java: runs the click actions in this thread. */
    public void click() {
        clickActions.forEach(Runnable::run);
    }

    /** The caption. */
    public String description() {
        return (String) get("description");
    }

    /** Sets the caption. */
    public void setDescription(String description) {
        set("description", description == null ? "" : description);
    }

    /** Colours the button: {@code "primary"}, {@code "success"}, {@code "info"}, {@code "warning"}, {@code "danger"}, or {@code ""}. */
    public void setButtonStyle(String buttonStyle) {
        set("button_style", buttonStyle);
    }

    /** Greys the button out (true) or lets the user click it again (false). */
    public void setDisabled(boolean disabled) {
        set("disabled", disabled);
    }

    /** The button's style: {@code button.style().set("button_color", "lightgreen")}. */
    public Style style() {
        return (Style) get("style");
    }

    /** Closes the button, its layout and its style. */
    @Override
    public void close() {
        super.close();
        style().close();
    }

    @Override
    Map<String, Object> textFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", description());
        return fields;
    }
}
