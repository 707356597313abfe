package org.proclab.display.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drop-down list of options (ipywidgets' {@code Dropdown}); its value is the chosen option, or
 * null when none is:
 *
 * <pre>{@code
 * var method = new Dropdown("start", List.of("SPAWN", "WARM"), "WARM");
 * method.onChange(chosen -> System.out.println("now " + chosen));
 * }</pre>
 *
 * The front end knows the options by their labels and the choice by its index; the options are
 * distinct strings.
 */
public final class Dropdown extends ValueWidget<String> {
    private static final Model MODEL = Model.controls("DropdownModel", "DropdownView");
    private static final String OPTIONS = "_options_labels";

    /** A list of {@code options} with the first chosen (none when there are none). */
    public Dropdown(List<String> options) {
        this("", options, options.isEmpty() ? null : options.get(0));
    }

    /** A list labelled {@code description} of {@code options} with {@code value} chosen (null: none). */
    public Dropdown(String description, List<String> options, String value) {
        super(MODEL, keys(options, value), Style.description(), description);
    }

    private static Map<String, Object> keys(List<String> options, String value) {
        List<String> labels = checkedOptions(options);
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(OPTIONS, labels);
        keys.put("disabled", false);
        keys.put("index", indexIn(labels, value));
        return keys;
    }

    /** The options, in order. */
    @SuppressWarnings("unchecked")
    public List<String> options() {
        return (List<String>) get(OPTIONS);
    }

    /**
     * Replaces the options; the chosen option stays chosen when it is among the new ones, else the
     * first is chosen (none when there are none).
     */
    public void setOptions(List<String> options) {
        List<String> labels = checkedOptions(options);
        String chosen = value();
        int index = chosen == null ? -1 : labels.indexOf(chosen);
        set(OPTIONS, labels);
        set("index", index >= 0 ? index : labels.isEmpty() ? null : 0);
    }

    /** The position of the chosen option, or null when none is. */
    public Integer index() {
        return (Integer) get("index");
    }

    /** Greys the list out (true) or lets the user choose again (false). */
    public void setDisabled(boolean disabled) {
        set("disabled", disabled);
    }

    @Override
    String valueKey() {
        return "index";
    }

    @Override
    String fromState(Object index) {
        List<String> options = options();
        return index instanceof Integer i && i < options.size() ? options.get(i) : null;
    }

    @Override
    Object toState(String value) {
        return indexIn(options(), value);
    }

    @Override
    Object accept(String name, Object value) {
        if (name.equals("index") && value != null) {
            int size = options().size();
            if (!(value instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 0 || n.intValue() >= size) {
                throw new IllegalArgumentException("Dropdown's index must be null or a position among its "
                        + size + " options, not " + value);
            }
            return n.intValue();
        }
        if (name.equals(OPTIONS)) {
            return List.copyOf(checkedOptions(stringsIn(value)));
        }
        return super.accept(name, value);
    }

    @Override
    Map<String, Object> textFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("value", value());
        fields.put("options", options());
        return describedText(fields);
    }

    private static Integer indexIn(List<String> options, String value) {
        if (value == null) {
            return null;
        }
        int index = options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("\"" + value + "\" is not one of the options " + options);
        }
        return index;
    }

    private static List<String> checkedOptions(List<String> options) {
        List<String> labels = List.copyOf(options);
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("a Dropdown's options must be distinct: " + labels);
        }
        return labels;
    }

    private static List<String> stringsIn(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("Dropdown's options must be a list of strings, not " + value);
        }
        List<String> strings = new ArrayList<>();
        list.forEach(element -> strings.add((String) element));
        return strings;
    }
}
