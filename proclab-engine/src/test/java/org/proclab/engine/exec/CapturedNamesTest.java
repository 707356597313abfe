package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The source names of a lambda's captured values, read from the class file compiled with -g. */
class CapturedNamesTest {
    interface SerializableSupplier extends Supplier<String>, Serializable {
    }

    // Each captured value is named as in the source, in the order the lambda captured them; past the
    // captured values there is no name.
    @Test
    void namesEachCapturedValue() throws Exception {
        String greeting = "hello";
        long count = 3;
        Thread worker = new Thread(() -> { });
        SerializableSupplier task = () -> greeting + count + worker.getName();
        SerializedLambda lambda = serializedFormOf(task);

        assertEquals(3, lambda.getCapturedArgCount());
        assertEquals("greeting", CapturedNames.of(lambda, 0));
        assertEquals("count", CapturedNames.of(lambda, 1));
        assertEquals("worker", CapturedNames.of(lambda, 2));
        assertNull(CapturedNames.of(lambda, 3));
    }

    private static SerializedLambda serializedFormOf(Serializable lambda) throws Exception {
        Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
        writeReplace.setAccessible(true);
        return (SerializedLambda) writeReplace.invoke(lambda);
    }
}
