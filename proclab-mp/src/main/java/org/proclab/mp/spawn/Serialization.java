package org.proclab.mp.spawn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Java serialization of tasks, arguments and results, with class look-up in a chosen class loader
 * (cell classes live in JShell's loader, not the application's) and errors that say which captured
 * value could not travel.
 */
public final class Serialization {
    private Serialization() {
    }

    /**
     * Serializes what a task needs.
     *
     * @param what how the error should name the value, e.g. "the task of Process-1"
     * @throws UnserializableValueException naming the type (and, for a lambda, which captured value)
     */
    public static byte[] toBytes(Object value, String what) {
        byte[] packed = PackedArrays.toBytes(value);
        if (packed != null) {
            return packed;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        // no try-with-resources: when writing runs out of memory, close() fails with the very same
        // OutOfMemoryError, which cannot be added to itself as suppressed (an IllegalArgumentException
        // would hide it); a stream over an array holds nothing that needs closing
        try {
            ObjectOutputStream out = new ObjectOutputStream(bytes);
            out.writeObject(value);
            out.flush();
        } catch (NotSerializableException e) {
            throw new UnserializableValueException(explain(value, what, e.getMessage()), null, e.getMessage());
        } catch (IOException e) {
            throw new UnserializableValueException(what + " cannot be sent to another process: " + e, e, null);
        }
        return bytes.toByteArray();
    }

    /** Reads a value, resolving classes with {@code loader}. */
    public static Object fromBytes(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        if (PackedArrays.isPacked(bytes)) {
            return PackedArrays.fromBytes(bytes);
        }
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        }
    }

    private static String explain(Object value, String what, String typeName) {
        String captured = capturedCulprit(value, typeName);
        return what + " cannot be sent to another process: " + (captured != null ? captured
                : "it contains a " + typeName + ", which is not Serializable")
                + ". Capture only serializable values (numbers, strings, records and collections of them).";
    }

    /** For a lambda: which captured value has the offending type, e.g. "the lambda captures variable t of type java.lang.Thread". */
    private static String capturedCulprit(Object value, String typeName) {
        if (value instanceof Record record) {
            return recordCulprit(record, typeName);
        }
        SerializedLambda lambda = asSerializedLambda(value);
        if (lambda == null) {
            return null;
        }
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            Object arg = lambda.getCapturedArg(i);
            String inner = capturedCulprit(arg, typeName);
            if (inner != null) {
                return inner;
            }
            if (arg != null && (arg.getClass().getName().equals(typeName) || !(arg instanceof Serializable))) {
                return "the lambda captures " + variable(lambda, i) + " of type " + arg.getClass().getName()
                        + ", which is not Serializable";
            }
        }
        return null;
    }

    /** {@code variable local}, or {@code captured value 2 of 3} when the name is not known. */
    private static String variable(SerializedLambda lambda, int index) {
        String name = FailureText.capturedNames().apply(lambda, index);
        return name != null ? "variable " + name
                : "a variable (captured value " + (index + 1) + " of " + lambda.getCapturedArgCount() + ")";
    }

    /** Looks for the culprit in the components of a record (such as the jobs of a pool). */
    private static String recordCulprit(Record record, String typeName) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                String found = capturedCulprit(accessor.invoke(record), typeName);
                if (found != null) {
                    return found;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static SerializedLambda asSerializedLambda(Object value) {
        if (value == null || !value.getClass().isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(value);
            return replaced instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** An object stream that looks classes up in a given loader. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(ByteArrayInputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            } catch (LinkageError e) {
                throw new InvalidClassException(description.getName(), e.toString());
            }
        }
    }
}
