package org.proclab.mp.spawn;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices whether the code run by a thread made any thread. A child asks it before it exits: a task
 * that made no thread can have no shutdown hook (a hook is a {@link Thread} the task made) and left
 * no thread running, so the child can announce its end and close its pipes at once, without first
 * starting its exit report in a shutdown hook ({@link ChildMain}, decision 049).
 *
 * <p>It watches through an {@link InheritableThreadLocal}: the JDK calls its {@code childValue}
 * whenever a thread that carries it constructs a thread. This works alike on every JDK, needs no
 * access to the JDK's internals (its list of shutdown hooks is private), and costs nothing while no
 * thread is made. A thread made with inheritance turned off ({@code inheritThreadLocals} false,
 * {@code Thread.Builder.inheritInheritableThreadLocals(false)}) goes unnoticed; the JDK makes its
 * own system threads so, but a task does that only on purpose.
 */
final class ThreadsOfTask {
    private final AtomicBoolean made = new AtomicBoolean();
    private final InheritableThreadLocal<Boolean> carried = new InheritableThreadLocal<>() {
        @Override
        protected Boolean childValue(Boolean parentValue) {
            made.set(true);
            return parentValue;
        }
    };

    private ThreadsOfTask() {
    }

    /** Starts watching the code that the calling thread runs from now on. */
    static ThreadsOfTask watchCallingThread() {
        ThreadsOfTask watch = new ThreadsOfTask();
        watch.carried.set(Boolean.TRUE);
        return watch;
    }

    /** Whether the watched thread made a thread since the watch began. */
    boolean anyMade() {
        return made.get();
    }
}
