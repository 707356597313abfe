package org.proclab.display;

/**
 * A comm (and so a widget) was used where no Jupyter front end is connected: in a child process,
 * in a plain Java program or in {@code proclab run}. Only the kernel talks to the notebook; a child
 * can send its results back to the cell that started it, and that cell can update the widget.
 */
public final class CommsUnavailableException extends IllegalStateException {
    public CommsUnavailableException() {
        super("comms and widgets live in the notebook's kernel, and this JVM has no Jupyter front end to talk to"
                + " (a child process cannot own a widget: send its values back to the cell that started it"
                + " and update the widget there)");
    }
}
