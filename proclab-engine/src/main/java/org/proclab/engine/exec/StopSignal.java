package org.proclab.engine.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which threads the user has asked to stop. An interrupt marks the running cell's thread group
 * (and any shared pool worker busy for it); instrumented code checks the mark at every loop turn
 * and method entry and throws {@link CellStoppedError}, so a thread that catches the error inside a
 * loop is stopped again at the next turn.
 *
 * <p>Marking the group rather than each thread makes a stop cost the same for one thread or
 * thousands, and covers threads that a stopped thread starts after the stop: they belong to the
 * group and end at their first instrumented method. A group stays marked while it has live threads,
 * also after the next cell starts: the user may run the next cell before thousands of stopped threads
 * have had the CPU to see the mark. A shared pool worker's mark ends when the next cell starts, as
 * the worker serves that cell too.
 *
 * <p>The fast path is one volatile read: {@link #isRaised()} is false unless a stopped group still
 * has live threads, or an interrupt happened since the last cell started, or a cell was stopped in a
 * notebook whose code starts virtual threads.
 */
final class StopSignal {
    private static final Set<Thread> STOPPED_THREADS = ConcurrentHashMap.newKeySet();
    private static final Set<CellThreadGroup> STOPPED_GROUPS = ConcurrentHashMap.newKeySet();
    private static volatile boolean raised;

    private StopSignal() {
    }

    static boolean isRaised() {
        return raised;
    }

    static boolean isStopped(Thread thread) {
        CellThreadGroup group = CellThreadGroup.of(thread);
        return group != null && group.isStopped() || STOPPED_THREADS.contains(thread);
    }

    /** Marks one thread, such as a shared pool worker, and interrupts it. */
    static void stop(Thread thread) {
        STOPPED_THREADS.add(thread);
        raised = true;
        thread.interrupt();
    }

    /**
     * Marks a cell's group for good; the caller interrupts its threads after this, so that a thread
     * started while they are listed ends at its first instrumented method.
     */
    static void stop(CellThreadGroup group) {
        group.markStopped();
        STOPPED_GROUPS.add(group);
        raised = true;
    }

    /**
     * Called when a new cell starts: marked pool workers serve it, so their marks end; the fast path
     * comes back once no stopped group has a live thread. Once the cells' code starts virtual threads,
     * which no group counts, stopped groups stay marked for good: a virtual thread that slept through
     * the stop must still see it when it wakes.
     */
    static void clear() {
        STOPPED_THREADS.clear();
        if (!VirtualThreads.startedByCells()) {
            STOPPED_GROUPS.removeIf(group -> group.activeCount() == 0);
        }
        raised = !STOPPED_GROUPS.isEmpty();
    }
}
