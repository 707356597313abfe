package org.proclab.kernel;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.proclab.kernel.protocol.DisplayData;
import org.proclab.kernel.protocol.MessageTypes;
import org.proclab.kernel.wire.Message;
import org.proclab.mp.ProgressReporter;
import org.proclab.render.ProgressText;

/**
 * Draws a pool's progress in the running cell: a {@code display_data} with a display id when a long
 * map starts, {@code update_display_data} replacing it in place as chunks finish, and a last update
 * at 100% with the total time. Maps outside any cell report nothing.
 */
final class CellProgressBars implements ProgressReporter {
    private final Supplier<Message> runningCell;
    private final Consumer<Message> iopub;

    /**
     * @param runningCell the execute request of the running cell, or null between cells
     * @param iopub publishes on IOPub (thread-safe)
     */
    CellProgressBars(Supplier<Message> runningCell, Consumer<Message> iopub) {
        this.runningCell = runningCell;
        this.iopub = iopub;
    }

    @Override
    public Bar start(String what, int total) {
        Message cell = runningCell.get();
        if (cell == null) {
            return null;
        }
        String displayId = UUID.randomUUID().toString();
        iopub.accept(cell.reply(MessageTypes.DISPLAY_DATA,
                DisplayData.updatable(ProgressText.bundle(what, 0, total, Duration.ZERO), displayId)));
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
                iopub.accept(cell.reply(MessageTypes.UPDATE_DISPLAY_DATA,
                        DisplayData.updatable(ProgressText.bundle(what, done, total, elapsed), displayId)));
            }
        };
    }
}
