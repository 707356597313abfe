package org.proclab.engine.jshell;

import java.lang.reflect.Array;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.proclab.engine.exec.ProcLabExecutionControl;

/**
 * The {@code text/plain} of a cell's value: what {@code jshell} shows ({@code [1, 2, 3]},
 * {@code int[3] { 1, 2, 3 }}, {@code {a=1, b=2}}, {@code Point[x=1, y=2]}, {@code "hi"}) when it fits
 * on a line of {@link #WIDTH} columns; a longer collection, map, array or record breaks between its
 * elements, as IPython prints a long list, so a page never wraps a number in two:
 * <pre>
 * [0,
 *  1,
 *  ...
 *  999,
 *  ...]
 * </pre>
 * Each sequence shows at most {@link #MAX_ITEMS} elements, then {@code ...}. Only the JDK's own
 * formats break: a class with its own {@code toString()} shows that text whole.
 */
final class ValueText {
    /** The widest line a broken value makes, unless one element is wider by itself (IPython's too). */
    static final int WIDTH = 79;
    /** The most elements of one sequence shown (IPython's {@code max_seq_length}). */
    static final int MAX_ITEMS = 1000;

    private static final ValueShape MORE = new ValueShape.Word("...");

    private ValueText() {
    }

    /** The text of {@code value}. Calls its {@code toString()} and its elements': run it in the cell. */
    static String of(Object value) {
        return ShapeLayout.lay(asShown(value), WIDTH);
    }

    /** The shape of a value as JShell shows it: strings and characters quoted, arrays element by element. */
    private static ValueShape asShown(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<ValueShape> items = new ArrayList<>();
            int length = Array.getLength(value);
            for (int i = 0; i < Math.min(length, MAX_ITEMS); i++) {
                items.add(asShown(Array.get(value, i)));
            }
            if (length > MAX_ITEMS) {
                items.add(MORE);
            }
            return new ValueShape.Bracketed(arrayHeader(value.getClass(), length) + " { ", items, " }");
        }
        if (value == null || value instanceof String || value instanceof Character) {
            return new ValueShape.Word(ProcLabExecutionControl.describe(value));
        }
        return asPrinted(value);
    }

    /** The shape of {@code String.valueOf(value)}. */
    private static ValueShape asPrinted(Object value) {
        if (value instanceof Collection<?> collection && printedByTheJdk(collection)) {
            return new ValueShape.Bracketed("[", elements(collection), "]");
        }
        if (value instanceof Map<?, ?> map && printedByTheJdk(map)) {
            return new ValueShape.Bracketed("{", entries(map), "}");
        }
        if (value instanceof Record record) {
            return recordShape(record);
        }
        return new ValueShape.Word(String.valueOf(value));
    }

    private static List<ValueShape> elements(Collection<?> collection) {
        List<ValueShape> items = new ArrayList<>();
        Iterator<?> elements = collection.iterator();
        while (elements.hasNext() && items.size() < MAX_ITEMS) {
            Object element = elements.next();
            items.add(element == collection ? new ValueShape.Word("(this Collection)") : asPrinted(element));
        }
        if (elements.hasNext()) {
            items.add(MORE);
        }
        return items;
    }

    private static List<ValueShape> entries(Map<?, ?> map) {
        List<ValueShape> items = new ArrayList<>();
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext() && items.size() < MAX_ITEMS) {
            Map.Entry<?, ?> entry = entries.next();
            items.add(new ValueShape.Row(List.of(entryPart(entry.getKey(), map), new ValueShape.Word("="),
                    entryPart(entry.getValue(), map))));
        }
        if (entries.hasNext()) {
            items.add(MORE);
        }
        return items;
    }

    private static ValueShape entryPart(Object part, Map<?, ?> map) {
        return part == map ? new ValueShape.Word("(this Map)") : asPrinted(part);
    }

    /**
     * A record's components, when its {@code toString()} is the one Java writes for records
     * ({@code Point[x=1, y=2]}); a record that prints itself otherwise, or whose components this
     * module may not read, is a word.
     */
    private static ValueShape recordShape(Record record) {
        String printed = record.toString();
        String name = record.getClass().getSimpleName();
        RecordComponent[] components = record.getClass().getRecordComponents();
        List<Object> values = new ArrayList<>();
        StringJoiner javaForm = new StringJoiner(", ", name + "[", "]");
        for (RecordComponent component : components) {
            Object componentValue;
            try {
                componentValue = read(component.getAccessor(), record);
            } catch (IllegalAccessException | InaccessibleObjectException e) {
                return new ValueShape.Word(printed);
            }
            values.add(componentValue);
            javaForm.add(component.getName() + "=" + componentValue);
        }
        if (!printed.equals(javaForm.toString())) {
            return new ValueShape.Word(printed);
        }
        List<ValueShape> items = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            items.add(new ValueShape.Row(List.of(new ValueShape.Word(components[i].getName() + "="),
                    asPrinted(values.get(i)))));
        }
        return new ValueShape.Bracketed(name + "[", items, "]");
    }

    /** A component's value; what the accessor throws is the cell's error, as if the cell had called it. */
    private static Object read(Method accessor, Record record) throws IllegalAccessException {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(accessor.getName() + "() failed", e.getCause());
        }
    }

    /**
     * Whether {@code value} prints itself with a {@code toString()} of the JDK's own (a list's
     * {@code [a, b]}, a map's {@code {k=v}}), not one its class or a library wrote.
     */
    private static boolean printedByTheJdk(Object value) {
        try {
            Class<?> declaring = value.getClass().getMethod("toString").getDeclaringClass();
            return declaring != Object.class && declaring.getModule() == Object.class.getModule();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("every class has toString()", e);
        }
    }

    /** JShell's head of an array: {@code int[3]}, {@code String[2][]}. */
    private static String arrayHeader(Class<?> type, int length) {
        int dimensions = 0;
        Class<?> element = type;
        while (element.getComponentType() != null) {
            element = element.getComponentType();
            dimensions++;
        }
        String name = element.getTypeName();
        return name.substring(name.lastIndexOf('.') + 1) + "[" + length + "]" + "[]".repeat(dimensions - 1);
    }
}
