package org.proclab.mp;

import org.proclab.mp.spawn.Serialization;
import org.proclab.mp.spawn.UnserializableValueException;

/** Serializes what goes to another process, failing as users expect: with {@link NotSerializableValueException}. */
final class Serialized {
    private Serialized() {
    }

    /**
     * The bytes of {@code value} ({@link Serialization#toBytes}).
     *
     * @param what how the error should name the value, e.g. "the task of Process-1"
     * @throws NotSerializableValueException naming the type (and, for a lambda, which captured value)
     */
    static byte[] bytesOf(Object value, String what) {
        try {
            return Serialization.toBytes(value, what);
        } catch (UnserializableValueException e) {
            throw Failures.userFacing(e);
        }
    }
}
