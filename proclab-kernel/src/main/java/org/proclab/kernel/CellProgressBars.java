package org.proclab.kernel;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.proclab.engine.io.CellOutput;
import org.proclab.mp.ProgressReporter;
import org.proclab.render.ProgressText;

/**
 * Draws a pool's progress in a cell: a display with an id when a long map starts, updates replacing
 * it in place as chunks finish, and a last update at 100% with the total time. The bar goes where
 * the display of the thread that started the map would go; before the first cell there is no bar.
 */
final class CellProgressBars implements ProgressReporter {
    private final Supplier<CellOutput> outputOfCaller;

    /** @param outputOfCaller the output of the cell the calling thread shows in, or null for none */
    CellProgressBars(Supplier<CellOutput> outputOfCaller) {
        this.outputOfCaller = outputOfCaller;
    }

    @Override
    public Bar start(String what, int total) {
        CellOutput output = outputOfCaller.get();
        if (output == null) {
            return null;
        }
        String displayId = UUID.randomUUID().toString();
        output.display(ProgressText.bundle(what, 0, total, Duration.ZERO), displayId, false);
        long started = System.nanoTime();
        return new Bar() {
            @Override
            public void update(int done) {
                show(done, Duration.ofNanos(System.nanoTime() - started));
            }

            @Override
            public void finish(int done, Duration took) {
                show(done, took);
            }

            private void show(int done, Duration elapsed) {
                output.display(ProgressText.bundle(what, done, total, elapsed), displayId, true);
            }
        };
    }
}
