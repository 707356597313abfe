package org.proclab.display.widgets;

import java.util.List;
import java.util.Map;
import org.proclab.display.CommChannel;

/**
 * An output area as a widget (ipywidgets' {@code Output}): what is printed or displayed while it
 * {@linkplain #capture captures} shows inside it instead of below the cell, and {@link #clear}
 * empties it. It can sit in a box beside controls, and a handler can refill it, which is how
 * {@link Widgets#interact} shows its function's output:
 *
 * <pre>{@code
 * var log = new Output();
 * display(log);
 * log.capture(() -> System.out.println("inside the widget"));
 * try (var capture = log.capture()) {
 *     display(Markdown.of("**also inside**"));
 * }
 * }</pre>
 *
 * <p>The front end moves into the widget every output sent under the request it is told: the
 * request of the cell the capturing thread belongs to. So while a capture lasts, what other
 * threads of that cell print lands in the widget too. Without a front end a capture changes
 * nothing: the output is printed as usual.
 */
public final class Output extends DomWidget {
    private static final Model MODEL = Model.output();

    private int captures;

    /** An empty output area. */
    public Output() {
        super(MODEL, Map.of("msg_id", "", "outputs", List.of()));
    }

    /** Runs {@code action} with its output (prints, displays) shown in this widget. */
    public void capture(Runnable action) {
        try (Capture capture = capture()) {
            action.run();
        }
    }

    /**
     * Starts capturing: the output of this thread's cell shows in this widget until the returned
     * capture is closed, best in a try-with-resources block. Captures may nest.
     */
    public Capture capture() {
        String request = isLive() ? CommChannel.current().currentRequestId() : null;
        synchronized (this) {
            if (captures++ == 0 && request != null) {
                set("msg_id", request);
            }
        }
        return new Capture();
    }

    /** Empties the widget. */
    public void clear() {
        resend("outputs", List.of());
    }

    /** The outputs are the front end's record of what it captured: it needs no echo of them. */
    @Override
    boolean echoes(String name) {
        return !name.equals("outputs");
    }

    @Override
    Map<String, Object> textFields() {
        return Map.of();
    }

    private synchronized void release() {
        if (--captures == 0 && !get("msg_id").equals("")) {
            set("msg_id", "");
        }
    }

    /** A capture in progress; {@link #close()} ends it (once). */
    public final class Capture implements AutoCloseable {
        private boolean closed;

        private Capture() {
        }

        /** Ends the capture: later output goes below the cell again. */
        @Override
        public void close() {
            synchronized (Output.this) {
                if (!closed) {
                    closed = true;
                    release();
                }
            }
        }
    }
}
