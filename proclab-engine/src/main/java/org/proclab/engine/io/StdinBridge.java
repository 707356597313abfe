package org.proclab.engine.io;

import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Becomes {@code System.in} of the kernel JVM: when cell code reads and nothing is buffered, it
 * asks the front end for a line (an input box in Notebook, a prompt in the console), so
 * {@code new Scanner(System.in).nextLine()} just works.
 */
public final class StdinBridge extends InputStream {
    private final LineSource source;
    private byte[] buffer = new byte[0];
    private int position;

    public StdinBridge(LineSource source) {
        this.source = source;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    /** Forgets input typed for an earlier cell that the cell did not read. */
    public synchronized void discardBuffered() {
        buffer = new byte[0];
        position = 0;
    }

    private boolean fill() throws IOException {
        if (position < buffer.length) {
            return true;
        }
        String line = source.readLine();
        if (line == null) {
            return false;
        }
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
