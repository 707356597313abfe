package org.proclab.engine.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Becomes {@code System.out} and {@code System.err} of the kernel JVM and sends every write to the
 * right cell:
 * <ol>
 *   <li>a thread that a cell started (directly or through threads it started) writes to that cell,
 *       while the cell runs and after it has finished;</li>
 *   <li>any other thread writes to the cell that is running, or else to the cell that ran last;</li>
 *   <li>before the first cell, writes go to the kernel's own stderr (the Jupyter server log).</li>
 * </ol>
 * Writing never throws and never blocks on the network.
 */
public final class OutputRouter {
    private final Function<Thread, CellOutput> ownerOf;
    private final PrintStream kernelLog;
    private volatile CellOutput running;
    private volatile CellOutput last;

    /**
     * @param ownerOf finds the output of the cell that started a thread, or null for other threads
     * @param kernelLog where output goes before any cell ran
     */
    public OutputRouter(Function<Thread, CellOutput> ownerOf, PrintStream kernelLog) {
        this.ownerOf = ownerOf;
        this.kernelLog = kernelLog;
    }

    /** Replaces {@code System.out} and {@code System.err} with streams that route through this. */
    public void install() {
        System.setOut(printStream(StreamName.STDOUT));
        System.setErr(printStream(StreamName.STDERR));
    }

    /** Marks a cell as running: threads that belong to no cell now write to it. */
    public void cellStarted(CellOutput output) {
        running = output;
        last = output;
    }

    public void cellFinished() {
        running = null;
    }

    /** A print stream (UTF-8, auto-flushing) for one stream name. */
    public PrintStream printStream(StreamName stream) {
        return new PrintStream(new RoutedStream(stream), true, StandardCharsets.UTF_8);
    }

    /**
     * The cell output a write from the calling thread goes to, by the rules above (displays follow
     * them too); null before the first cell.
     */
    public CellOutput target() {
        CellOutput owner = ownerOf.apply(Thread.currentThread());
        if (owner != null) {
            return owner;
        }
        CellOutput now = running;
        return now != null ? now : last;
    }

    private final class RoutedStream extends OutputStream {
        private final StreamName stream;

        RoutedStream(StreamName stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellOutput target = target();
            if (target != null) {
                target.write(stream, bytes, offset, length);
            } else {
                kernelLog.write(bytes, offset, length);
            }
        }
    }
}
