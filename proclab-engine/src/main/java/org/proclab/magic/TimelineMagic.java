package org.proclab.magic;

import org.proclab.engine.jshell.Evaluation;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.render.Timeline;

/**
 * {@code %timeline [--last | --all]}: a Gantt chart of the processes of the previous cell (or of
 * the whole session): one lane per process, a box from start to exit, a tick per printed line.
 */
final class TimelineMagic extends DescribedMagic {
    TimelineMagic() {
        super("timeline", false, "%timeline [--last | --all]   (--last: the processes of the previous cell, the default)",
                "Draws a timeline of processes: one lane each, a box from start to exit, a tick per printed line, "
                + "times in ms (hover for details).");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        long since = switch (arguments) {
            case "", "--last" -> CellClock.previousCellStart();
            case "--all" -> Long.MIN_VALUE / 2;
            default -> throw new MagicUsageException("unknown option " + arguments);
        };
        Timeline timeline = Timeline.of(ProcessEvents.all(), since, System.nanoTime());
        if (timeline == null) {
            context.print("No processes to draw" + (arguments.equals("--all") ? "" : " in the previous cell (try --all)") + ".\n");
        } else {
            context.display(timeline.bundle());
        }
        return new Evaluation.Completed(null);
    }
}
