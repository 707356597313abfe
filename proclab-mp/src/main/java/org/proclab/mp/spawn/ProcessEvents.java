package org.proclab.mp.spawn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happened to the children of this JVM and to their descendants, in order: each start, each
 * line printed (with the process that printed it, so lines can be told apart even though the text
 * stream stays clean), each exit. Tools that show process tables, timelines or explanations read it.
 *
 * <p>Only a process's parent sees it start and end, so a child JVM passes the events of its own
 * children (and those it hears of from further down) to its parent ({@link #forwardTo}), which
 * records them as they are ({@link #forwarded}): the kernel's log holds the whole tree. Lines printed
 * are not passed on so: a grandchild's output reaches the kernel as text through its parent, marked
 * with the process that printed it ({@link LineMarks}).
 *
 * <p>Times are {@link System#nanoTime()} of the JVM that recorded the event, a child's included. That
 * is one clock for every process of the machine (on Linux CLOCK_MONOTONIC, time since boot; a child's
 * reading taken while its parent waits falls between the parent's readings before and after), so
 * times from different JVMs compare and subtract directly.
 *
 * <p>The log keeps the latest {@link #CAPACITY} events; older ones are dropped.
 */
public final class ProcessEvents {
    /** How many events are kept. */
    public static final int CAPACITY = 20_000;

    /**
     * How much of a printed line the log keeps: enough for the tools that quote lines, while a child
     * flooding its output with long lines does not leave megabytes of them in the log.
     */
    static final int KEPT_LINE_CHARS = 200;

    private static final Deque<Event> EVENTS = new ArrayDeque<>();
    private static final OpenDescendants BELOW = new OpenDescendants();
    private static volatile Consumer<Event> towardsParent;

    /** The kinds of event. */
    public enum Kind { STARTED, PRINTED, EXITED, TASK, JOINED }

    /**
     * One event.
     *
     * @param nanoTime {@link System#nanoTime()} when it was recorded; for a TASK, when the task began; for
     *                 JOINED, when {@code join()} began to wait
     * @param detail the line printed (PRINTED), the task's label (TASK), the name of the process that
     *               started it (STARTED); for an EXITED that was not reported but follows from the exit of
     *               an ancestor, that ancestor's name (see {@code exited}); else null
     * @param stream {@code stdout} or {@code stderr} for PRINTED, else null
     * @param exitCode the exit code for EXITED, else null
     * @param endNanoTime when a TASK ended or a JOINED wait returned; for other kinds the same as {@code nanoTime}
     * @param parentPid for STARTED, the pid of the process that started it (its parent); 0 for other kinds
     * @param cpu for EXITED, the CPU time the process used, when known; else null
     */
    public record Event(Kind kind, String process, long pid, long nanoTime, String stream, String detail,
                        Integer exitCode, long endNanoTime, long parentPid, CpuTime cpu) {
        /** An event without a CPU time. */
        public Event(Kind kind, String process, long pid, long nanoTime, String stream, String detail,
                     Integer exitCode, long endNanoTime, long parentPid) {
            this(kind, process, pid, nanoTime, stream, detail, exitCode, endNanoTime, parentPid, null);
        }

        /** An event of one instant, other than STARTED. */
        public Event(Kind kind, String process, long pid, long nanoTime, String stream, String detail, Integer exitCode) {
            this(kind, process, pid, nanoTime, stream, detail, exitCode, nanoTime);
        }

        /** An event over a span of time (TASK, JOINED). */
        public Event(Kind kind, String process, long pid, long nanoTime, String stream, String detail, Integer exitCode,
                     long endNanoTime) {
            this(kind, process, pid, nanoTime, stream, detail, exitCode, endNanoTime, 0);
        }

        /** {@code parent} (pid {@code parentPid}) started {@code process} (pid {@code pid}) at {@code nanoTime}. */
        public static Event started(String process, long pid, long nanoTime, String parent, long parentPid) {
            return new Event(Kind.STARTED, process, pid, nanoTime, null, parent, null, nanoTime, parentPid);
        }
    }

    private ProcessEvents() {
    }

    /** This process started {@code process}, asked to at {@code nanoTime} (when {@code start()} was called). */
    static void started(String process, long pid, long nanoTime) {
        add(Event.started(process, pid, nanoTime, CurrentProcess.name(), CurrentProcess.pid()));
    }

    static void printed(String process, long pid, String stream, String line) {
        String kept = line.length() <= KEPT_LINE_CHARS ? line : line.substring(0, KEPT_LINE_CHARS) + "…";
        add(new Event(Kind.PRINTED, process, pid, System.nanoTime(), stream, kept, null));
    }

    /**
     * A child of this JVM exited. Every process below it that was heard to start and not to end gets
     * an EXITED too, as it can no longer report its end: a child that a signal ended passes nothing
     * on, and one that is leaving no longer does. Such an end has exit code
     * {@link ChildMain#PARENT_GONE} (70), the status a ProcLab child exits with when its parent is
     * gone, which is how these processes end: each one follows its parent within moments. (One that
     * ended on its own in those same moments may in truth have had another code.) Its time is now,
     * when the end became known, and its detail names {@code process}, the child whose end ended it;
     * its CPU time is unknown.
     *
     * @param cpu the CPU time the child used, or null when it is not known
     */
    static void exited(String process, long pid, int exitCode, CpuTime cpu) {
        long now = System.nanoTime();
        add(new Event(Kind.EXITED, process, pid, now, null, null, exitCode, now, 0, cpu));
        for (Event orphan : BELOW.below(pid)) {
            add(new Event(Kind.EXITED, orphan.process(), orphan.pid(), System.nanoTime(), null, process,
                    ChildMain.PARENT_GONE));
        }
    }

    /**
     * Records an event that a child passed on: one of a process the child started, or of one
     * further down. Its times are the recording JVM's {@code nanoTime}, comparable as they are.
     */
    static void forwarded(Event event) {
        if (event.kind() == Kind.STARTED) {
            BELOW.started(event);
        } else if (event.kind() == Kind.EXITED) {
            BELOW.exited(event.pid());
        }
        add(event);
    }

    /**
     * From now on every event but PRINTED is also handed to {@code toParent} (in a child JVM: sent to
     * its parent), after it is recorded, outside the log's lock; {@code toParent} must not throw.
     */
    static void forwardTo(Consumer<Event> toParent) {
        towardsParent = toParent;
    }

    /** A pool worker ran a task (a chunk of a map, an apply) from {@code began} to {@code ended}. */
    public static void task(String process, long pid, long began, long ended, String label) {
        add(new Event(Kind.TASK, process, pid, began, null, label, null, ended));
    }

    /** Every event still kept, oldest first. */
    public static List<Event> all() {
        synchronized (EVENTS) {
            return new ArrayList<>(EVENTS);
        }
    }

    /**
     * The parent's {@code join()} on a process waited from {@code began} until {@code ended}, when the
     * process had exited.
     */
    public static void joined(String process, long pid, long began, long ended) {
        add(new Event(Kind.JOINED, process, pid, began, null, null, null, ended));
    }

    /** The events recorded at or after {@code nanoTime}, oldest first. */
    public static List<Event> since(long nanoTime) {
        synchronized (EVENTS) {
            List<Event> recent = new ArrayList<>();
            for (Event event : EVENTS) {
                if (event.nanoTime() - nanoTime >= 0) {
                    recent.add(event);
                }
            }
            return recent;
        }
    }

    private static void add(Event event) {
        synchronized (EVENTS) {
            if (EVENTS.size() == CAPACITY) {
                EVENTS.removeFirst();
            }
            EVENTS.addLast(event);
        }
        Consumer<Event> toParent = towardsParent;
        if (toParent != null && event.kind() != Kind.PRINTED) {
            toParent.accept(event);
        }
    }
}
