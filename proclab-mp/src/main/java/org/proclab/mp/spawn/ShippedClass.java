package org.proclab.mp.spawn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A class as the parent sends it to a child: its bytes, and serialized values for its static
 * fields (notebook variables). A value that cannot be serialized is left out; the field keeps its
 * default in the child.
 */
record ShippedClass(byte[] bytes, Map<String, byte[]> staticValues) {

    /** Told of each static value that cannot be serialized; the child sees the field's default value instead. */
    @FunctionalInterface
    interface NotCopied {
        /**
         * @param offendingType the class that is not serializable: {@code value}'s own, or one it holds
         *                      (null when serialization failed otherwise)
         */
        void value(String field, Object value, String offendingType);
    }

    static byte[] encode(byte[] classBytes, Map<String, Object> values, NotCopied notCopied) {
        Map<String, byte[]> serialized = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            try {
                serialized.put(field, Serialization.toBytes(value, "variable " + field));
            } catch (UnserializableValueException e) {
                notCopied.value(field, value, e.offendingType());
            }
        });
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(classBytes.length + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(classBytes.length);
            out.write(classBytes);
            out.writeInt(serialized.size());
            for (Map.Entry<String, byte[]> entry : serialized.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static ShippedClass decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte[] classBytes = in.readNBytes(in.readInt());
            int count = in.readInt();
            Map<String, byte[]> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String field = in.readUTF();
                values.put(field, in.readNBytes(in.readInt()));
            }
            return new ShippedClass(classBytes, values);
        }
    }

    /** Sets the static fields of the freshly defined class; values that fail to load are skipped. */
    void assignStaticValues(Class<?> defined, ClassLoader loader) {
        for (Map.Entry<String, byte[]> entry : staticValues.entrySet()) {
            try {
                Field field = defined.getDeclaredField(entry.getKey());
                if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                field.set(null, Serialization.fromBytes(entry.getValue(), loader));
            } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
                // the variable keeps its default value in this child
            }
        }
    }
}
