package org.proclab.mp;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.proclab.mp.spawn.Serialization;
import org.proclab.mp.spawn.UserClasses;

/**
 * Turns the values put on a {@link Queue} or sent through a {@link Connection} into bytes and
 * back: a one-byte tag, then the value.
 *
 * <p>null, Integer, Long, Double, Boolean, String and byte[] have their own tags and take a few
 * nanoseconds (Java serialization of one Integer costs about 80 bytes and a microsecond; a queue
 * of small numbers must beat Python's). Anything else is Java-serialized, which fails at the call
 * that puts it, naming the type that cannot travel, and is read back with the class loader that
 * knows the user's classes, so a record declared in a notebook cell arrives as that record.
 */
final class MessageCodec {
    private static final byte NULL = 0;
    private static final byte INT = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;
    private static final byte STRING = 6;
    private static final byte BYTES = 7;
    private static final byte SERIALIZED = 8;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MessageCodec() {
    }

    /**
     * The bytes of {@code value}.
     *
     * @param what how an error names the value, e.g. "a message put on the queue"
     * @throws NotSerializableValueException if it cannot travel, naming the type
     */
    static byte[] encode(Object value, String what) {
        if (value == null) {
            return new byte[] {NULL};
        }
        if (value instanceof Integer number) {
            byte[] message = tagged(INT, Integer.BYTES);
            INTS.set(message, 1, number.intValue());
            return message;
        }
        if (value instanceof Long number) {
            byte[] message = tagged(LONG, Long.BYTES);
            LONGS.set(message, 1, number.longValue());
            return message;
        }
        if (value instanceof Double number) {
            byte[] message = tagged(DOUBLE, Long.BYTES);
            LONGS.set(message, 1, Double.doubleToRawLongBits(number));
            return message;
        }
        if (value instanceof Boolean flag) {
            return new byte[] {flag ? TRUE : FALSE};
        }
        if (value instanceof String text) {
            return withTag(STRING, text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof byte[] bytes) {
            return withTag(BYTES, bytes);
        }
        return withTag(SERIALIZED, Serialized.bytesOf(value, what));
    }

    /**
     * The value {@link #encode} turned into {@code message}.
     *
     * @throws IllegalArgumentException if {@code message} was not made by {@link #encode} (e.g. sent with sendBytes)
     * @throws IllegalStateException if its class is unknown in this process, or it cannot be read
     */
    static Object decode(byte[] message) {
        byte tag = message.length == 0 ? -1 : message[0];
        switch (tag) {
            case NULL:
                return null;
            case INT:
                return (int) INTS.get(message, 1);
            case LONG:
                return (long) LONGS.get(message, 1);
            case DOUBLE:
                return Double.longBitsToDouble((long) LONGS.get(message, 1));
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return new String(message, 1, message.length - 1, StandardCharsets.UTF_8);
            case BYTES:
                return Arrays.copyOfRange(message, 1, message.length);
            case SERIALIZED:
                return deserialize(Arrays.copyOfRange(message, 1, message.length));
            default:
                throw new IllegalArgumentException("this message of " + message.length + " bytes was not made by put()"
                        + " or send(); bytes sent with sendBytes() are read with recvBytes()");
        }
    }

    private static Object deserialize(byte[] bytes) {
        try {
            return Serialization.fromBytes(bytes, UserClasses.loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a message of class " + e.getMessage() + " arrived, but this process"
                    + " does not know that class", e);
        } catch (IOException e) {
            throw new IllegalStateException("a message could not be read: " + e, e);
        }
    }

    private static byte[] tagged(byte tag, int valueBytes) {
        byte[] message = new byte[1 + valueBytes];
        message[0] = tag;
        return message;
    }

    private static byte[] withTag(byte tag, byte[] value) {
        byte[] message = tagged(tag, value.length);
        System.arraycopy(value, 0, message, 1, value.length);
        return message;
    }
}
