package org.proclab.mp.spawn;

/** A task or value cannot travel to another process because part of it is not serializable. */
public final class NotSerializableValueException extends IllegalArgumentException {
    NotSerializableValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
