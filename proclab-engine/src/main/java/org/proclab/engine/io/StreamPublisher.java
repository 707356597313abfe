package org.proclab.engine.io;

/** Sends decoded text of one cell to the front end. Must not throw and must not block for long. */
@FunctionalInterface
public interface StreamPublisher {
    void publish(StreamName stream, String text);
}
