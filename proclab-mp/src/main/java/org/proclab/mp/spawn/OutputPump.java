package org.proclab.mp.spawn;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
 * <p>The child's stream also carries what its own children printed, passed on by the child's
 * pumps. {@link LineMarks} tells who printed each piece: a pump in a child JVM marks every piece
 * it passes on, the pump at the top takes the marks out, and each pump tells its line observer
 * the process that printed each line, so the event log counts a grandchild's line for the grandchild.
 *
 * <p>When the stream ends, the pump prints a closing note if there is one (see the constructor), so
 * the note comes after everything the child printed and in the same cell.
 */
final class OutputPump {
    private static final int BUFFER_CHARS = 8192;

    /** Sees each line, or part of a line (see {@link LineMarks}), that passes, with the process that printed it. */
    @FunctionalInterface
    interface LineObserver {
        void printed(String process, long pid, String line);
    }

    private final Thread thread;

    /**
     * @param processName  the child, which printed what carries no mark
     * @param pid          its pid
     * @param lineObserver sees each line (without its line break), e.g. for the event log
     * @param closingNote  asked once the stream has ended: a text to print after the output, or null; it is
     *                     ProcLab's note, so the line observer does not see it
     */
    OutputPump(InputStream source, boolean stderr, String processName, long pid, LineObserver lineObserver,
               Supplier<String> closingNote) {
        LineMarks marks = new LineMarks(processName, pid, CurrentProcess.role() != null);
        thread = new Thread(() -> {
            pump(source, stderr, marks, lineObserver);
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

    private static void pump(InputStream source, boolean stderr, LineMarks marks, LineObserver lineObserver) {
        char[] buffer = new char[BUFFER_CHARS];
        StringBuilder pending = new StringBuilder();
        try (Reader reader = new InputStreamReader(source, StandardCharsets.UTF_8)) {
            int count;
            while ((count = reader.read(buffer)) > 0) {
                pending.append(buffer, 0, count);
                int end = pending.lastIndexOf("\n") + 1;
                if (end > 0) {
                    emit(stderr, marks.next(pending.substring(0, end)), lineObserver);
                    pending.delete(0, end);
                }
                if (pending.length() > 0 && !reader.ready()) {
                    emit(stderr, marks.next(pending.toString()), lineObserver);
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            // the child is gone; what arrived has been passed on
        }
        if (pending.length() > 0) {
            emit(stderr, marks.next(pending.toString()), lineObserver);
        }
        emit(stderr, marks.finish(), lineObserver);
    }

    private static void emit(boolean stderr, LineMarks.Pass pass, LineObserver lineObserver) {
        if (!pass.text().isEmpty()) {
            write(stderr, pass.text());
        }
        for (LineMarks.Piece piece : pass.pieces()) {
            lineObserver.printed(piece.owner().name(), piece.owner().pid(), piece.text());
        }
    }

    /** Prints text as it is, without telling the observer: the closing note is ProcLab's, not the child's. */
    private static void write(boolean stderr, String text) {
        PrintStream target = stderr ? System.err : System.out;
        target.print(text);
        target.flush();
    }
}
