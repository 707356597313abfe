package org.proclab.magic;

/** Wrong arguments for a magic: the user sees this message followed by the magic's usage line. */
public final class MagicUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MagicUsageException(String message) {
        super(message);
    }
}
