package org.proclab.display.widgets;

/**
 * One change of a widget's state, as an observer sees it: {@code slider.observe(change -> ...)}.
 * Values are in the state's JSON form: numbers, strings, booleans, lists, or widgets for the keys
 * that refer to other widgets ({@code layout}, {@code style}, {@code children}).
 *
 * @param widget the widget that changed
 * @param name the state key, such as {@code value} or {@code description}
 * @param oldValue the value before
 * @param newValue the value now
 */
public record Change(Widget widget, String name, Object oldValue, Object newValue) {
}
