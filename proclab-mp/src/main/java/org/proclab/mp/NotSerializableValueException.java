package org.proclab.mp;

/** A task or value cannot travel to another process because part of it is not serializable. */
public final class NotSerializableValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The class of the part that is not serializable, when serialization named it. */
    private final String offendingType;

    NotSerializableValueException(String message, Throwable cause, String offendingType) {
        super(message, cause);
        this.offendingType = offendingType;
    }

    /**
     * The name of the class that is not serializable: the value's own, or that of something it
     * holds (a list of threads names {@code java.lang.Thread}); null when the failure was another one.
     */
    public String offendingType() {
        return offendingType;
    }
}
