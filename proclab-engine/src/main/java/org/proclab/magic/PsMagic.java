package org.proclab.magic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.proclab.display.Table;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.mp.spawn.CpuTime;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.render.Durations;
import org.proclab.render.ProcessStory;
import org.proclab.render.ProcessTree;

/**
 * {@code %ps}: the child processes this kernel started, and the processes they started in turn, live
 * and finished, as a table (HTML in notebooks, text elsewhere): name, pid, state, exit code, the
 * process that started it, when it started, how long it ran, the lines it printed, and its CPU time.
 * A process comes right below the one that started it, its name indented.
 *
 * <p>The CPU time of a running process is read now. A finished process's is the one it measured
 * itself as it ended, and sent its parent with its end ({@code FrameType.ENDED}). A process that did
 * not end so (a signal ended it, its task called {@code System.exit}, or threads of its task were
 * still running as it exited) shows the last figure known before its end, the one its parent read
 * just before it sent the signal, or the process's own as it began to exit, marked {@code ≥} as it
 * may have used more after it: {@code ≥ 40 ms} reads "at least 40 ms". One that ended with no figure
 * known (it crashed, or a signal from outside ended it) shows none. See decision 041.
 */
final class PsMagic extends DescribedMagic {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    PsMagic() {
        super("ps", false, "%ps",
                "Lists the child processes of this kernel and the processes they started, running and finished: "
                + "name, pid, state, exit code, parent, start, duration, lines printed, CPU time. A finished "
                + "process's CPU time is what it used; \"≥ N ms\": at least N ms (a signal, System.exit or threads still running "
                + "ended it, and N is the last figure known before); empty when unknown (it crashed, or was killed from outside).");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (!arguments.isBlank()) {
            throw new MagicUsageException("takes no arguments");
        }
        List<ProcessStory> rows = ProcessStory.all(ProcessEvents.all()).stream()
                .filter(story -> story.startedAt() != null).toList();
        if (rows.isEmpty()) {
            context.print("No child processes yet.\n");
            return new Evaluation.Completed(null);
        }
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("name", "pid", "state", "exit code", "parent", "started", "ran for", "lines", "CPU"));
        long nowNanos = System.nanoTime();
        for (ProcessTree.Placed<ProcessStory> placed : ProcessTree.of(rows, ProcessStory::pid, ProcessStory::parentPid)) {
            ProcessStory row = placed.item();
            boolean running = row.running();
            table.add(List.of(ProcessTree.label(row.name(), placed.depth()), Long.toString(row.pid()),
                    running ? "running" : "exited", running ? "" : row.exitCode().toString(), Objects.requireNonNullElse(row.startedBy(), ""),
                    clockTime(row.startedAt(), nowNanos),
                    Durations.millis((running ? nowNanos : row.exitedAt()) - row.startedAt()),
                    Integer.toString(row.lines()), running ? cpu(row.pid()) : cpu(row.cpu())));
        }
        context.display(Table.of(table).toMimeBundle().data());
        return new Evaluation.Completed(null);
    }

    private static String clockTime(long eventNanos, long nowNanos) {
        Instant when = Instant.now().minusNanos(nowNanos - eventNanos);
        return LocalTime.ofInstant(when, ZoneId.systemDefault()).format(CLOCK);
    }

    /** A finished process's CPU time: {@code ≥} before a lower bound; empty when unknown. */
    static String cpu(CpuTime cpu) {
        if (cpu == null) {
            return "";
        }
        return (cpu.complete() ? "" : "≥ ") + Durations.millis(cpu.nanos());
    }

    private static String cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(Duration::toNanos).map(Durations::millis).orElse("");
    }
}
