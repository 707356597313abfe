package org.proclab.mp.spawn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs started ahead of time that wait, connected and warmed up, until a process or pool
 * worker needs one: ProcLab's answer to Python's {@code forkserver}. Taking one skips the JVM's
 * start-up; the reservoir then starts a replacement in the background.
 *
 * <p>Waiting JVMs count towards the limit of live children, but give way: when a new child needs
 * a slot and none is free, a waiting JVM is retired.
 *
 * <p>A waiting JVM was started with the class path of its time; when {@code %classpath} or
 * {@code %maven} adds to it, the waiting JVMs are retired and replaced, so a process started after
 * the addition always sees the new classes.
 *
 * <p>Replacements start {@link #REFILL_DELAY_MILLIS} after the last JVM was taken, not at once: a
 * JVM's start-up takes a core for a tenth of a second, and the work that just took the JVMs should
 * not have to share the cores with their replacements.
 */
public final class Reservoir {
    private static final Reservoir SHARED = new Reservoir();
    static final long REFILL_DELAY_MILLIS = 500;

    private final Deque<ChildJvm> ready = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(SpawnThreads.shared(), runnable, "proclab-reservoir");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pendingRefill;
    private int starting;
    private int target;

    private Reservoir() {
    }

    public static Reservoir shared() {
        return SHARED;
    }

    /** Keeps at least {@code size} JVMs ready from now on (starting them in the background). */
    public synchronized void keepReady(int size) {
        target = Math.max(target, Math.min(size, SpawnConfig.maxLiveChildren()));
        refill();
    }

    /** How many JVMs wait right now. */
    public synchronized int readyCount() {
        ready.removeIf(jvm -> !jvm.isAlive());
        return ready.size();
    }

    /** Retires every waiting JVM and stops refilling, e.g. when the kernel shuts down. */
    public synchronized void drain() {
        target = 0;
        ready.forEach(ChildJvm::discard);
        ready.clear();
    }

    /**
     * Retires the waiting JVMs that were started with an older class path and starts replacements;
     * called when the class path of children changes.
     */
    public synchronized void retireStale() {
        ready.removeIf(jvm -> {
            boolean stale = !jvm.hasCurrentClassPath();
            if (stale) {
                jvm.discard();
            }
            return stale;
        });
        refill();
    }

    /** A ready JVM with the current class path, or null if none is waiting; a replacement starts in the background. */
    synchronized ChildJvm take() {
        ChildJvm jvm = ready.pollFirst();
        while (jvm != null && !(jvm.isAlive() && jvm.hasCurrentClassPath())) {
            jvm.discard();
            jvm = ready.pollFirst();
        }
        if (pendingRefill != null) {
            pendingRefill.cancel(false);
        }
        pendingRefill = timer.schedule(this::refillNow, REFILL_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return jvm;
    }

    /** Retires one waiting JVM to free its slot; false if none waits. */
    synchronized boolean evictOne() {
        ChildJvm jvm = ready.pollLast();
        if (jvm == null) {
            return false;
        }
        jvm.discard();
        return true;
    }

    private synchronized void refillNow() {
        refill();
    }

    private void refill() {
        while (ready.size() + starting < target) {
            starting++;
            Thread starter = new Thread(SpawnThreads.shared(), this::startOne, "proclab-reservoir-start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    private void startOne() {
        ChildJvm jvm = ChildJvm.startIfRoom();
        synchronized (this) {
            starting--;
            if (jvm == null) {
                return;
            }
            if (ready.size() < target && jvm.hasCurrentClassPath()) {
                ready.addLast(jvm);
            } else {
                jvm.discard();
            }
        }
    }
}
