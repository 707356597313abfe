package org.proclab.mp.spawn;

/**
 * A value cannot be serialized for another process ({@link Serialization#toBytes}); the library
 * shows it as {@code org.proclab.mp.UnserializableValueException}.
 */
public final class UnserializableValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The class of the part that is not serializable, when serialization named it. */
    private final String offendingType;

    UnserializableValueException(String message, Throwable cause, String offendingType) {
        super(message, cause);
        this.offendingType = offendingType;
    }

    /** The name of the class that is not serializable (the value's own or a part's); null when the failure was another one. */
    public String offendingType() {
        return offendingType;
    }
}
