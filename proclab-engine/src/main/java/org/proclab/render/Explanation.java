package org.proclab.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * "What just happened", in plain language, from the process events of one cell: which processes
 * started and when, how many lines each printed, how each ended and what its exit code means.
 *
 * <p>Example: {@code MainProcess (pid 812) started Process-1 (pid 845) at +3 ms. Process-1 printed
 * 1 line and exited with code 0 (success) after 61 ms; join() waited 58 ms.} A process's life is
 * counted from its {@code start()} call, so it includes the time its JVM took to be ready. A pool
 * worker says how many tasks it ran and how many items they held: {@code ran 4 tasks (8 items)},
 * as a task of {@code map} is a chunk of items. A process that another
 * process started is told right after the one that started it, which the sentence names.
 */
public final class Explanation {
    /** Above this many processes the explanation counts instead of telling each one. */
    static final int TOLD_ONE_BY_ONE = 6;

    private Explanation() {
    }

    /**
     * The sentences for the events recorded since {@code cellStartNanos}, or an empty list when no
     * process started, printed or ended meanwhile.
     */
    public static List<String> sentences(List<ProcessEvents.Event> events, long cellStartNanos, String parentName,
                                         long parentPid) {
        List<ProcessStory> stories = ProcessTree.of(ProcessStory.since(events, cellStartNanos), ProcessStory::pid,
                ProcessStory::parentPid).stream().map(ProcessTree.Placed::item).toList();
        List<String> sentences = new ArrayList<>();
        if (stories.size() > TOLD_ONE_BY_ONE) {
            sentences.add(summary(stories, parentName, parentPid));
            return sentences;
        }
        for (ProcessStory story : stories) {
            StringBuilder sentence = new StringBuilder();
            if (story.startedAt() != null) {
                boolean starterUnknown = story.startedBy() == null;
                sentence.append(starterUnknown ? parentName : story.startedBy()).append(" (pid ")
                        .append(starterUnknown ? parentPid : story.parentPid()).append(") started ").append(story.name())
                        .append(" (pid ").append(story.pid()).append(") at +")
                        .append(Durations.millis(story.startedAt() - cellStartNanos)).append(". ");
            }
            sentence.append(story.name());
            if (story.tasks() > 0) {
                sentence.append(" ran ").append(count(story.tasks(), "task")).append(" (")
                        .append(count(story.items(), "item")).append("),");
            }
            sentence.append(" printed ").append(count(story.lines(), "line"));
            if (story.exitCode() != null) {
                sentence.append(" and exited with code ").append(story.exitCode()).append(" (")
                        .append(story.endedWith() == null ? meaning(story.exitCode()) : endedWith(story.endedWith()))
                        .append(")");
                if (story.startedAt() != null) {
                    sentence.append(" after ").append(Durations.millis(story.exitedAt() - story.startedAt()));
                }
                if (story.joinWaited() != null) {
                    sentence.append("; join() waited ").append(Durations.millis(story.joinWaited()));
                }
            } else {
                sentence.append(" and is still running");
            }
            sentences.add(sentence.append('.').toString());
        }
        return sentences;
    }

    /**
     * The explanation as a MIME bundle: Markdown for notebooks, plain text for consoles and
     * terminals; null when there is nothing to explain.
     */
    public static Map<String, String> bundle(List<String> sentences) {
        if (sentences.isEmpty()) {
            return null;
        }
        StringBuilder markdown = new StringBuilder("**What happened**\n\n");
        StringBuilder plain = new StringBuilder("What happened:\n");
        for (String sentence : sentences) {
            markdown.append("- ").append(sentence).append('\n');
            plain.append("  ").append(sentence).append('\n');
        }
        return Map.of("text/markdown", markdown.toString(), "text/plain", plain.toString());
    }

    /**
     * What an exit code says about how the process ended. A positive code other than 1 is the status the
     * process chose: {@code Runtime.halt(n)} ends it with {@code n} as {@code System.exit(n)} does, only
     * without running the shutdown hooks, so the code alone cannot tell the two apart.
     */
    public static String meaning(int exitCode) {
        if (exitCode == 0) {
            return "success";
        }
        if (exitCode == 1) {
            return "an exception or error ended it";
        }
        if (exitCode == -9) {
            return "killed by SIGKILL: kill() or the operating system";
        }
        if (exitCode == -15) {
            return "ended by SIGTERM: terminate()";
        }
        if (exitCode < 0) {
            return "ended by signal " + -exitCode;
        }
        return "it called System.exit(" + exitCode + ") or Runtime.halt(" + exitCode + ")";
    }

    /** Why a process whose end was not reported ended: an ancestor did (see {@link ProcessStory#endedWith()}). */
    private static String endedWith(String ancestor) {
        return ancestor + " ended, and a process ends with its parent";
    }

    private static String summary(List<ProcessStory> stories, String parentName, long parentPid) {
        int started = 0;
        int startedBelow = 0;
        int stillRunning = 0;
        int endedWithParent = 0;
        Map<Integer, Integer> byExitCode = new LinkedHashMap<>();
        int lines = 0;
        for (ProcessStory story : stories) {
            if (story.startedAt() != null && (story.startedBy() == null || story.parentPid() == parentPid)) {
                started++;
            } else if (story.startedAt() != null) {
                startedBelow++;
            }
            lines += story.lines();
            if (story.exitCode() == null) {
                stillRunning++;
            } else if (story.endedWith() != null) {
                endedWithParent++;
            } else {
                byExitCode.merge(story.exitCode(), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder(parentName + " (pid " + parentPid + ") started " + started + " processes"
                + (startedBelow > 0 ? ", which started " + startedBelow + " more" : "") + "; they printed " + lines + " lines.");
        byExitCode.forEach((code, count) -> text.append(' ').append(count).append(" exited with code ").append(code)
                .append(" (").append(meaning(code)).append(")."));
        if (endedWithParent > 0) {
            text.append(' ').append(endedWithParent).append(endedWithParent == 1 ? " ended with the process that started it."
                    : " ended with the processes that started them.");
        }
        if (stillRunning > 0) {
            text.append(' ').append(stillRunning).append(" still running.");
        }
        return text.toString();
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}

