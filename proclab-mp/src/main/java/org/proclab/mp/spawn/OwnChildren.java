package org.proclab.mp.spawn;

/**
 * Whether this JVM has started a child process of its own. A child whose jobs are done asks here
 * before it waits for its own children ({@link ChildMain}): asking {@link ChildProcess} and
 * {@link ChildJvm} instead loads and initializes them, which cost each pool worker 3–10 ms of its
 * way out on two busy cores (issue 17), in the many children that never start one.
 */
final class OwnChildren {
    private static volatile boolean started;

    private OwnChildren() {
    }

    /** Called for every child this JVM starts, before it counts among the live ones. */
    static void noteStarted() {
        started = true;
    }

    /** Whether this JVM has started a child: if not, it has none to wait for or terminate. */
    static boolean anyStarted() {
        return started;
    }
}
