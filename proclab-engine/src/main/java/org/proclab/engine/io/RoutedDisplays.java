package org.proclab.engine.io;

import java.io.PrintStream;
import org.proclab.display.DisplayChannel;
import org.proclab.display.MimeBundle;

/**
 * The display channel of the kernel (and of {@code proclab run}): a display goes to the same cell a
 * print from the same thread would go to (see {@link OutputRouter}), after the text printed before
 * it. Before the first cell there is no cell to show it in, so its text goes to the kernel's log.
 */
public final class RoutedDisplays implements DisplayChannel {
    private final OutputRouter router;
    private final PrintStream kernelLog;

    public RoutedDisplays(OutputRouter router, PrintStream kernelLog) {
        this.router = router;
        this.kernelLog = kernelLog;
    }

    @Override
    public void show(MimeBundle bundle, String displayId) {
        send(bundle, displayId, false);
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        send(bundle, displayId, true);
    }

    private void send(MimeBundle bundle, String displayId, boolean update) {
        CellOutput target = router.target();
        if (target != null) {
            target.display(bundle.data(), displayId, update);
        } else {
            kernelLog.println(bundle.text());
        }
    }
}
