package org.proclab.display;

import java.util.UUID;

/**
 * Shows rich output in the running cell, like IPython's {@code display}. In the kernel these
 * methods are imported into every cell, so no prefix is needed:
 *
 * <pre>{@code
 * display(Markdown.of("**Step 1** done"));
 * var status = display("waiting…");
 * updateDisplay(status, "finished");           // replaces the text in place
 * display("text/html", "<i>any MIME type</i>");
 * }</pre>
 *
 * <p>How a value looks is decided by {@link Renderers}. Output goes to the cell the calling thread
 * belongs to (a thread a cell started displays in that cell, as it prints there), after the text
 * printed before it. Outside the kernel, and in child processes, the {@code text/plain} form is
 * printed on {@code System.out} (see {@link DisplayChannel}).
 */
public final class Display {
    private Display() {
    }

    /** Shows {@code value} and returns its id, for {@link #updateDisplay(DisplayId, Object)}. */
    public static DisplayId display(Object value) {
        return show(Renderers.render(value));
    }

    /**
     * Shows {@code content} as {@code mimeType} (such as {@code text/html}, {@code text/markdown},
     * {@code image/svg+xml}, or base64 {@code image/png}), with a text form made from it.
     */
    public static DisplayId display(String mimeType, String content) {
        return show(MimeBundle.of(mimeType, content));
    }

    /** Replaces the display {@code id} with {@code value}, wherever it is shown. */
    public static void updateDisplay(DisplayId id, Object value) {
        DisplayChannel.current().update(Renderers.render(value), id.value());
    }

    /** Replaces the display {@code id} with {@code content} given as {@code mimeType}. */
    public static void updateDisplay(DisplayId id, String mimeType, String content) {
        DisplayChannel.current().update(MimeBundle.of(mimeType, content), id.value());
    }

    private static DisplayId show(MimeBundle bundle) {
        DisplayId id = new DisplayId(UUID.randomUUID().toString());
        DisplayChannel.current().show(bundle, id.value());
        return id;
    }
}
