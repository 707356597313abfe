package org.proclab.mp.spawn;

/** One message between parent and child: a type, a correlation id and a payload. */
public record Frame(FrameType type, long id, byte[] payload) {
}
