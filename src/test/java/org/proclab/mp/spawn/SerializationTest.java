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

    // A lambda capturing a Thread is refused with a message naming what was sent, the captured variable and its type.
    @Test
    void lambdaCapturingAThreadIsExplained() {
        Thread thread = new Thread(() -> { });
        ChildJob job = () -> thread.getName();
        NotSerializableValueException e = assertThrows(NotSerializableValueException.class,
                () -> Serialization.toBytes(job, "the task of Process-99"));
        String message = e.getMessage();
        assertTrue(message.startsWith("the task of Process-99"), message);
        assertTrue(message.contains("variable thread of type java.lang.Thread"), message);
    }

    // A lambda wrapping another lambda that captures a Thread (as Process.start wraps the task) is explained the same way.
    @Test
    void nestedLambdaCapturingAThreadIsExplained() {
        Thread thread = new Thread(() -> { });
        String label = "label";
        ChildJob inner = () -> label + thread.getName();
        ChildJob outer = () -> inner.run();
        NotSerializableValueException e = assertThrows(NotSerializableValueException.class,
                () -> Serialization.toBytes(outer, "the task of Process-98"));
        assertTrue(e.getMessage().contains("variable thread of type java.lang.Thread"), e.getMessage());
    }

    // A non-lambda value containing a Thread is refused with a message naming the type it contains.
    @Test
    void valueContainingAThreadIsExplained() {
        List<Object> list = new ArrayList<>(List.of("ok", new Thread(() -> { })));
        NotSerializableValueException e = assertThrows(NotSerializableValueException.class,
                () -> Serialization.toBytes(list, "the result of a task"));
        assertTrue(e.getMessage().startsWith("the result of a task"), e.getMessage());
        assertTrue(e.getMessage().contains("contains a java.lang.Thread"), e.getMessage());
    }
}
