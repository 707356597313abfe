package org.proclab.engine.io;

import java.io.IOException;

/** Supplies lines typed by the user, e.g. by sending {@code input_request} to the front end. */
@FunctionalInterface
public interface LineSource {
    /** Blocks until the user typed a line (without its line break); interruptible. */
    String readLine() throws IOException;
}
