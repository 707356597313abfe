package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Serialization of tasks and values, and the messages that explain what cannot travel. */
class SerializationTest {
    // toBytes/fromBytes round-trips a value; fromBytes resolves classes in the loader it is given.
    @Test
    void roundTripResolvesClassesInTheGivenLoader() throws Exception {
        SampleValue value = new SampleValue("sample", 3, List.of(1, 2, 3));
        byte[] bytes = Serialization.toBytes(value, "a sample");

        assertEquals(value, Serialization.fromBytes(bytes, getClass().getClassLoader()));

        DefiningClassLoader loader = new DefiningClassLoader(Set.of(SampleValue.class.getName()));
        Object copy = Serialization.fromBytes(bytes, loader);
        assertSame(loader, copy.getClass().getClassLoader());
        assertNotSame(SampleValue.class, copy.getClass());
        assertEquals(SampleValue.class.getName(), copy.getClass().getName());
        assertEquals(value.toString(), copy.toString());
    }

    // Plain JDK values (collections, maps, null) round-trip with any loader.
    @Test
    void roundTripOfJdkValues() throws Exception {
        Object value = Map.of("a", List.of(1, 2), "b", List.of());
        assertEquals(value, Serialization.fromBytes(Serialization.toBytes(value, "a map"), ClassLoader.getPlatformClassLoader()));
        assertEquals(null, Serialization.fromBytes(Serialization.toBytes(null, "nothing"), getClass().getClassLoader()));
    }

    // A lambda capturing a Thread is refused with a message naming what was sent, which captured value it is and its type;
    // the library alone reads no class files, so it counts the value rather than naming it.
    @Test
    void lambdaCapturingAThreadIsExplained() {
        Thread thread = new Thread(() -> { });
        ChildJob job = () -> thread.getName();
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> Serialization.toBytes(job, "the task of Process-99"));
        String message = e.getMessage();
        assertTrue(message.startsWith("the task of Process-99"), message);
        assertTrue(message.contains("a variable (captured value 1 of 1) of type java.lang.Thread"), message);
    }

    // A lambda wrapping another lambda that captures a Thread (as Process.start wraps the task) is explained the same way,
    // with the name that the finder the kernel installs gives the captured value.
    @Test
    void nestedLambdaCapturingAThreadIsExplained() {
        Thread thread = new Thread(() -> { });
        String label = "label";
        ChildJob inner = () -> label + thread.getName();
        ChildJob outer = () -> inner.run();
        var finder = FailureText.capturedNames();
        FailureText.capturedNames((lambda, index) -> index == 1 ? "thread" : null);
        try {
            UnserializableValueException e = assertThrows(UnserializableValueException.class,
                    () -> Serialization.toBytes(outer, "the task of Process-98"));
            assertTrue(e.getMessage().contains("variable thread of type java.lang.Thread"), e.getMessage());
        } finally {
            FailureText.capturedNames(finder);
        }
    }

    // A non-lambda value containing a Thread is refused with a message naming the type it contains.
    @Test
    void valueContainingAThreadIsExplained() {
        List<Object> list = new ArrayList<>(List.of("ok", new Thread(() -> { })));
        UnserializableValueException e = assertThrows(UnserializableValueException.class,
                () -> Serialization.toBytes(list, "the result of a task"));
        assertTrue(e.getMessage().startsWith("the result of a task"), e.getMessage());
        assertTrue(e.getMessage().contains("contains a java.lang.Thread"), e.getMessage());
    }
}
