package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The class-plus-static-values format a parent sends a child for a class the child lacks. */
class ShippedClassTest {
    /** Stands for a notebook wrapper class: its static fields are notebook variables. */
    static class Holder {
        static int count = 1;
        static String label = "original";
        static List<String> items;
        static Thread thread;
        static final List<String> FIXED = List.of("fixed");
    }

    private static Object read(Class<?> type, String field) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(null);
    }

    // encode/decode round-trips the class bytes and the static values; a freshly defined class gets those values.
    @Test
    void roundTripWithStaticValues() throws Exception {
        byte[] classBytes = DefiningClassLoader.classBytes(Holder.class);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("count", 42);
        values.put("label", "copied");
        values.put("items", new ArrayList<>(List.of("a", "b")));
        values.put("FIXED", List.of("changed"));
        values.put("noSuchField", "ignored");
        List<String> notCopied = new ArrayList<>();

        byte[] payload = ShippedClass.encode(classBytes, values, (field, value, offendingType) -> notCopied.add(field));
        ShippedClass shipped = ShippedClass.decode(payload);

        assertEquals(List.of(), notCopied);
        assertArrayEquals(classBytes, shipped.bytes());
        assertEquals(List.of("count", "label", "items", "FIXED", "noSuchField"), List.copyOf(shipped.staticValues().keySet()));

        DefiningClassLoader loader = new DefiningClassLoader(Set.of());
        Class<?> defined = loader.define(Holder.class.getName(), shipped.bytes());
        shipped.assignStaticValues(defined, loader);
        assertSame(loader, defined.getClassLoader());
        assertEquals(42, read(defined, "count"));
        assertEquals("copied", read(defined, "label"));
        assertEquals(List.of("a", "b"), read(defined, "items"));
        assertEquals(List.of("fixed"), read(defined, "FIXED"));
        assertEquals(1, Holder.count);
        assertEquals("original", Holder.label);
    }

    // A serializable value that holds something that is not is reported with the class of what it holds.
    @Test
    void aListOfThreadsIsReportedWithTheThreadType() {
        byte[] classBytes = DefiningClassLoader.classBytes(Holder.class);
        Map<String, String> offending = new LinkedHashMap<>();
        ShippedClass.encode(classBytes, Map.of("items", new ArrayList<>(List.of(new Thread(() -> { })))),
                (field, value, offendingType) -> offending.put(field, offendingType));
        assertEquals(Map.of("items", "java.lang.Thread"), offending);
    }

    // A value that cannot be serialized is reported to the callback (field name and value) and left out; the field keeps its default.
    @Test
    void nonSerializableValueIsReportedAndLeftOut() throws Exception {
        byte[] classBytes = DefiningClassLoader.classBytes(Holder.class);
        Thread thread = new Thread(() -> { });
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("thread", thread);
        values.put("count", 5);
        Map<String, Object> notCopied = new LinkedHashMap<>();

        ShippedClass shipped = ShippedClass.decode(ShippedClass.encode(classBytes, values,
                (field, value, offendingType) -> notCopied.put(field, value)));

        assertEquals(Map.of("thread", thread), notCopied);
        assertEquals(Set.of("count"), shipped.staticValues().keySet());
        DefiningClassLoader loader = new DefiningClassLoader(Set.of());
        Class<?> defined = loader.define(Holder.class.getName(), shipped.bytes());
        shipped.assignStaticValues(defined, loader);
        assertNull(read(defined, "thread"));
        assertEquals(5, read(defined, "count"));
    }

    // A class with no static values encodes to just its bytes.
    @Test
    void classWithoutValues() throws Exception {
        byte[] classBytes = DefiningClassLoader.classBytes(Holder.class);
        ShippedClass shipped = ShippedClass.decode(ShippedClass.encode(classBytes, Map.of(), (field, value, offendingType) -> { }));
        assertArrayEquals(classBytes, shipped.bytes());
        assertEquals(Map.of(), shipped.staticValues());
    }
}
