package org.proclab.engine.exec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What the kernel knows of the virtual threads that cells start on JDK 21 and later (decision 030).
 * The project is built for Java 17, so {@code Thread.isVirtual()} is looked up at run time.
 *
 * <p>A virtual thread belongs to no cell's thread group (the JDK puts every virtual thread in one
 * group of its own), so the cell it was started from travels with it as an inheritable thread-local
 * that every snippet thread sets ({@link CellThreadGroup#of}); a stop then ends it at its next
 * instrumented loop turn or method call. The JDK offers no way to list virtual threads, so the
 * kernel cannot interrupt one that waits: {@link #startedByCells()} tells whether the cells' code
 * starts any, for the note at a stop.
 */
final class VirtualThreads {
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();
    private static volatile boolean startedByCells;

    private VirtualThreads() {
    }

    /** True for a virtual thread; always false before JDK 21. */
    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.isVirtual failed", e);
        }
    }

    /** Whether a call that starts virtual threads is in code a cell defined: {@code Thread.ofVirtual()} and the like. */
    static boolean isStartingCall(String owner, String name) {
        return "java/lang/Thread".equals(owner) && ("ofVirtual".equals(name) || "startVirtualThread".equals(name))
                || "java/util/concurrent/Executors".equals(owner) && "newVirtualThreadPerTaskExecutor".equals(name);
    }

    /** Called when the kernel loads a cell's class that can start virtual threads. */
    static void noteStartedByCells() {
        startedByCells = true;
    }

    /** Whether a class a cell defined can start virtual threads. */
    static boolean startedByCells() {
        return startedByCells;
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException before21) {
            return null;
        }
    }
}
