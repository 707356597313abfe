package org.proclab.engine.exec;

import java.lang.ref.WeakReference;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

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
 * <p>Virtual threads (JDK 21 and later) belong to no group that counts them, and none can be listed,
 * so in a notebook whose code starts them a stopped group is kept while anything can still reach it:
 * a virtual thread of the cell holds the group (its cell travels with it, {@link CellThreadGroup#of}),
 * and one that sleeps through the stop must still see the mark when it wakes. The stopped groups are
 * held weakly, so one that no thread can reach any more is let go at the first cell start after a
 * collection has freed it, and with it its cell's output and what that holds (decision 045).
 *
 * <p>The fast path is one volatile read: {@link #isRaised()} is false unless a stopped group still
 * has live threads (or, where cells start virtual threads, can still be reached), or an interrupt
 * happened since the last cell started.
 */
final class StopSignal {
    private static final Set<Thread> STOPPED_THREADS = ConcurrentHashMap.newKeySet();
    private static final Queue<WeakReference<CellThreadGroup>> STOPPED_GROUPS = new ConcurrentLinkedQueue<>();
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
     * Marks a cell's group for good (the mark is the group's own); the caller interrupts its threads
     * after this, so that a thread started while they are listed ends at its first instrumented method.
     */
    static void stop(CellThreadGroup group) {
        if (!group.isStopped()) {
            group.markStopped();
            STOPPED_GROUPS.add(new WeakReference<>(group));
        }
        raised = true;
    }

    /** Called when a new cell starts; see {@link #clear(boolean)}. */
    static void clear() {
        clear(VirtualThreads.startedByCells());
    }

    /**
     * Called when a new cell starts: marked pool workers serve it, so their marks end. A stopped group
     * is let go once no thread of it can still run: without virtual threads, once it has no live
     * thread; once the cells' code starts virtual threads, which no group counts, once nothing reaches
     * it. The fast path comes back when no stopped group is left.
     *
     * @param virtualThreadsStarted whether code a cell defined starts virtual threads
     */
    static void clear(boolean virtualThreadsStarted) {
        STOPPED_THREADS.clear();
        STOPPED_GROUPS.removeIf(stopped -> canNoLongerRun(stopped.get(), virtualThreadsStarted));
        raised = !STOPPED_GROUPS.isEmpty();
    }

    private static boolean canNoLongerRun(CellThreadGroup group, boolean virtualThreadsStarted) {
        return group == null || !virtualThreadsStarted && group.activeCount() == 0;
    }
}
