package org.proclab.display;

/**
 * Where displays go. The kernel installs one that sends {@code display_data} and
 * {@code update_display_data} to the cell the calling thread belongs to; where none is installed
 * (a plain Java program, a child process) the {@code text/plain} form is printed on
 * {@code System.out}, so a child's displays come back to the notebook as its printed output.
 * There is one for the whole JVM, as Python's {@code sys.displayhook}: a display has no context in
 * hand, and the front end that owns the process's output installs it (decision 043).
 *
 * <p>Implementations are called from any thread and must not block for long.
 */
public interface DisplayChannel {
    /** Shows a new output named {@code displayId}. */
    void show(MimeBundle bundle, String displayId);

    /** Replaces, wherever it is shown, the output named {@code displayId}. */
    void update(MimeBundle bundle, String displayId);

    /** Makes every later display of this JVM go to {@code channel}; null restores printing. */
    static void install(DisplayChannel channel) {
        InstalledChannel.current = channel == null ? PrintedDisplays.INSTANCE : channel;
    }

    /** The channel displays go to now. */
    static DisplayChannel current() {
        return InstalledChannel.current;
    }
}
