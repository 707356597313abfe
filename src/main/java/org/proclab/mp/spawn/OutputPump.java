package org.proclab.mp.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Copies what a child prints on one stream into the parent's {@code System.out} or
 * {@code System.err}, whole lines at a time so that lines of different children never mix, and
 * a trailing partial line (a prompt) as soon as nothing more is coming.
 *
 * <p>The pump thread is created by the thread that started the child, so in the kernel it belongs
 * to that cell and the cell shows the output. Decoding is done by a reader, which keeps UTF-8
 * characters whole across reads.
 *
 * <p>When the stream ends, the pump prints a closing note if there is one (see the constructor), so
 * the note comes after everything the child printed and in the same cell.
 */
final class OutputPump {
    private static final int BUFFER_CHARS = 8192;

    private final Thread thread;

    /**
     * @param lineObserver sees each complete line (without its line break), e.g. for the event log
     * @param closingNote  asked once the stream has ended: a text to print after the output, or null; it is
     *                     ProcLab's note, so the line observer does not see it
     */
    OutputPump(InputStream source, boolean stderr, String processName, Consumer<String> lineObserver,
               Supplier<String> closingNote) {
        thread = new Thread(() -> {
            pump(source, stderr, lineObserver);
            String note = closingNote.get();
            if (note != null) {
                write(stderr, note);
            }
        },
                "proclab-" + processName + (stderr ? "-stderr" : "-stdout"));
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits until the child closed the stream and everything was passed on. */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private static void pump(InputStream source, boolean stderr, Consumer<String> lineObserver) {
        char[] buffer = new char[BUFFER_CHARS];
        StringBuilder pending = new StringBuilder();
        try (Reader reader = new InputStreamReader(source, StandardCharsets.UTF_8)) {
            int count;
            while ((count = reader.read(buffer)) > 0) {
                pending.append(buffer, 0, count);
                int end = pending.lastIndexOf("\n") + 1;
                if (end > 0) {
                    emit(stderr, pending.substring(0, end), lineObserver);
                    pending.delete(0, end);
                }
                if (pending.length() > 0 && !reader.ready()) {
                    emit(stderr, pending.toString(), lineObserver);
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            // the child is gone; what arrived has been passed on
        }
        if (pending.length() > 0) {
            emit(stderr, pending.toString(), lineObserver);
        }
    }

    private static void emit(boolean stderr, String text, Consumer<String> lineObserver) {
        write(stderr, text);
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                lineObserver.accept(line);
            }
        }
    }

    /** Prints text as it is, without telling the observer: the closing note is ProcLab's, not the child's. */
    private static void write(boolean stderr, String text) {
        PrintStream target = stderr ? System.err : System.out;
        target.print(text);
        target.flush();
    }
}
