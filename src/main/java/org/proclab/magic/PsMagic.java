package org.proclab.magic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * {@code %ps}: the child processes this kernel started, live and finished, as a table (HTML in
 * notebooks, text elsewhere): name, pid, state, exit code, when it started, how long it ran, the
 * lines it printed, and (while it runs) its CPU time.
 */
final class PsMagic extends DescribedMagic {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One child as the event log tells it. */
    private static final class Row {
        final String name;
        final long pid;
        final long startedNanos;
        Long endedNanos;
        Integer exitCode;
        int linesPrinted;

        Row(String name, long pid, long startedNanos) {
            this.name = name;
            this.pid = pid;
            this.startedNanos = startedNanos;
        }
    }

    PsMagic() {
        super("ps", false, "%ps",
                "Lists the child processes of this kernel, running and finished: name, pid, state, exit code, "
                + "start, duration, lines printed, CPU time.");
    }

    @Override
    public MagicOutcome run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (!arguments.isBlank()) {
            throw new MagicUsageException("takes no arguments");
        }
        List<Row> rows = rows();
        if (rows.isEmpty()) {
            context.print("No child processes yet.\n");
            return new MagicOutcome.Done(null);
        }
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("name", "pid", "state", "exit code", "started", "ran for", "lines", "CPU"));
        long nowNanos = System.nanoTime();
        for (Row row : rows) {
            boolean running = row.endedNanos == null;
            table.add(List.of(row.name, Long.toString(row.pid), running ? "running" : "exited",
                    row.exitCode == null ? "" : row.exitCode.toString(), clockTime(row.startedNanos, nowNanos),
                    millis((running ? nowNanos : row.endedNanos) - row.startedNanos),
                    Integer.toString(row.linesPrinted), running ? cpu(row.pid) : ""));
        }
        context.display(Map.of("text/plain", TextTable.render(table), "text/html", TextTable.html(table)));
        return new MagicOutcome.Done(null);
    }

    private static List<Row> rows() {
        Map<Long, Row> byPid = new LinkedHashMap<>();
        for (ProcessEvents.Event event : ProcessEvents.all()) {
            switch (event.kind()) {
                case STARTED -> byPid.put(event.pid(), new Row(event.process(), event.pid(), event.nanoTime()));
                case PRINTED -> {
                    Row row = byPid.get(event.pid());
                    if (row != null) {
                        row.linesPrinted++;
                    }
                }
                case EXITED -> {
                    Row row = byPid.get(event.pid());
                    if (row != null) {
                        row.endedNanos = event.nanoTime();
                        row.exitCode = event.exitCode();
                    }
                }
            }
        }
        return new ArrayList<>(byPid.values());
    }

    private static String clockTime(long eventNanos, long nowNanos) {
        Instant when = Instant.now().minusNanos(nowNanos - eventNanos);
        return LocalTime.ofInstant(when, ZoneId.systemDefault()).format(CLOCK);
    }

    private static String cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(Duration::toNanos).map(PsMagic::millis).orElse("");
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
    }
}
