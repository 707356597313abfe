package org.proclab.mp.spawn;

/** The kinds of frame that travel between a parent and a child JVM. */
public enum FrameType {
    /** child → parent, first frame: the child's token (its pid the parent knows from the OS process). */
    HELLO,
    /** parent → child, once: who the child is ({@code ROLE NAME}); a warm child waits for it. */
    ASSIGN,
    /** parent → child: a serialized job (a process's task or a chunk of pool work). */
    TASK,
    /** child → parent: the name of a class the child cannot find on its class path. */
    CLASS_REQUEST,
    /** parent → child: the bytes of the requested class (empty when the parent has none). */
    CLASS_BYTES,
    /** child → parent: the serialized result of a task. */
    RESULT,
    /** child → parent: a task failed; the payload is a serialized {@code RemoteFailure}. */
    FAILURE,
    /** parent → child: finish and exit. */
    SHUTDOWN,
    /**
     * child → parent, from a shutdown hook: the JVM is exiting by its own call ({@code System.exit}),
     * not because of a signal, so its status means what it says even above 128. The payload is the
     * CPU time the child has used so far ({@link CpuClock}), or empty.
     */
    EXITING,
    /**
     * child → parent: an event ({@link EventCodec}) of a process the child started, or one further down
     * that the child heard of the same way; the parent records it, and passes it on if it is a child too.
     */
    EVENT,
    /**
     * child → parent, last: the child's jobs are done, its output is complete and it exits with the
     * status in the frame's id; the parent need not wait for the JVM to finish exiting. The payload
     * is the CPU time the child used ({@link CpuClock}), or empty.
     */
    ENDED;

    private static final FrameType[] VALUES = values();

    static FrameType of(int ordinal) {
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("unknown frame type " + ordinal);
        }
        return VALUES[ordinal];
    }
}
