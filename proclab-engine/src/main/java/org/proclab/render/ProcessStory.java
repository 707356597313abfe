package org.proclab.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.proclab.mp.spawn.CpuTime;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.mp.spawn.TaskLabel;

/**
 * One process as the event log tells it over a window of time: when it started (when {@code start()}
 * was called) and exited (null when that happened outside the window, or not yet), its exit code, the
 * lines it printed, the tasks it ran and the items in them (a pool's task is a chunk of items), how
 * long the parent's {@code join()} calls waited for it (null when nobody joined it in the window), and
 * who started it. The explanation, {@code %ps} and the {@code %%spawn} summary
 * all read processes this way.
 *
 * @param startedBy the name of the process that started it, null when its start is not in the window
 * @param parentPid the pid of that process, 0 when its start is not in the window
 * @param endedWith when its end was not reported but follows from an ancestor's exit (a child of the
 *                  kernel killed with its own children running), that ancestor's name; else null
 * @param cpu the CPU time it used, when it has exited and that is known ({@link CpuTime}); else null
 */
public record ProcessStory(String name, long pid, Long startedAt, Long exitedAt, Integer exitCode, int lines,
                           int tasks, int items, Long joinWaited, String startedBy, long parentPid, String endedWith,
                           CpuTime cpu) {
    /** The processes with an event at or after {@code sinceNanos}, in the order of their first such event. */
    public static List<ProcessStory> since(List<ProcessEvents.Event> events, long sinceNanos) {
        Map<Long, Builder> stories = new LinkedHashMap<>();
        for (ProcessEvents.Event event : events) {
            if (event.nanoTime() - sinceNanos < 0) {
                continue;
            }
            Builder story = stories.computeIfAbsent(event.pid(), pid -> new Builder(event.process(), pid));
            switch (event.kind()) {
                case STARTED -> {
                    story.startedAt = event.nanoTime();
                    story.startedBy = event.detail();
                    story.parentPid = event.parentPid();
                }
                case PRINTED -> story.lines++;
                case TASK -> {
                    story.tasks++;
                    story.items += TaskLabel.items(event.detail());
                }
                case JOINED -> story.joinWaited = (story.joinWaited == null ? 0 : story.joinWaited)
                        + event.endNanoTime() - event.nanoTime();
                case EXITED -> {
                    story.exitedAt = event.nanoTime();
                    story.exitCode = event.exitCode();
                    story.endedWith = event.detail();
                    story.cpu = event.cpu();
                }
            }
        }
        List<ProcessStory> built = new ArrayList<>();
        stories.values().forEach(story -> built.add(new ProcessStory(story.name, story.pid, story.startedAt,
                story.exitedAt, story.exitCode, story.lines, story.tasks, story.items, story.joinWaited, story.startedBy,
                story.parentPid, story.endedWith, story.cpu)));
        return built;
    }

    /** Every process in the log. */
    public static List<ProcessStory> all(List<ProcessEvents.Event> events) {
        return since(events, Long.MIN_VALUE / 2);
    }

    /** Whether it has not exited (within the window). */
    public boolean running() {
        return exitCode == null;
    }

    private static final class Builder {
        final String name;
        final long pid;
        Long startedAt;
        Long exitedAt;
        Integer exitCode;
        int lines;
        int tasks;
        int items;
        Long joinWaited;
        String startedBy;
        long parentPid;
        String endedWith;
        CpuTime cpu;

        Builder(String name, long pid) {
            this.name = name;
            this.pid = pid;
        }
    }
}
