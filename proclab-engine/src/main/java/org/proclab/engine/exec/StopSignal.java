package org.proclab.engine.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which threads the user has asked to stop. An interrupt marks the threads of the running cell;
 * instrumented code checks the mark at every loop turn and method entry and throws
 * {@link CellStoppedError}. Marks stay until the next cell starts, so a thread that catches the
 * error inside a loop is stopped again at the next turn.
 *
 * <p>The fast path is one volatile read: {@link #isRaised()} is false unless an interrupt happened
 * since the last cell started.
 */
final class StopSignal {
    private static final Set<Thread> STOPPED = ConcurrentHashMap.newKeySet();
    private static volatile boolean raised;

    private StopSignal() {
    }

    static boolean isRaised() {
        return raised;
    }

    static boolean isStopped(Thread thread) {
        return STOPPED.contains(thread);
    }

    static void stop(Thread thread) {
        STOPPED.add(thread);
        raised = true;
        thread.interrupt();
    }

    /** Called when a new cell starts: earlier stops no longer apply. */
    static void clear() {
        raised = false;
        STOPPED.clear();
    }
}
