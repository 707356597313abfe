package org.proclab.mp.spawn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs started ahead of time that wait, connected and warmed up, until a process or pool
 * worker needs one: ProcLab's answer to Python's {@code forkserver}. Taking one skips the JVM's
 * start-up; the reservoir then starts replacements in the background.
 *
 * <p>The reservoir learns the demand: it keeps as many JVMs ready as the largest burst of takes
 * it has seen (takes less than {@link #REFILL_DELAY_MILLIS} apart, such as a loop of
 * {@code start()} calls), at least the size asked for with {@link #keepReady}, at most the limit
 * of live children. So a cell that starts four processes finds four waiting the next time it
 * runs. After {@link #FORGET_AFTER_MILLIS} without a take it retires them all and forgets, so an
 * idle kernel holds no waiting JVMs; the next start refills it. A take that finds it empty
 * returns null at once: the caller then starts a fresh JVM, which does not wait for its boot
 * either.
 *
 * <p>Waiting JVMs count towards the limit of live children, but give way: when a new child needs
 * a slot and none is free, a waiting JVM is retired.
 *
 * <p>A waiting JVM was started with the class path of its time; when {@code %classpath} or
 * {@code %maven} adds to it, the waiting JVMs are retired and replaced, so a process started after
 * the addition always sees the new classes.
 *
 * <p>Replacements start together, {@link #REFILL_DELAY_MILLIS} after the last JVM was taken, not
 * at once: a JVM's start-up takes a core for a tenth of a second, and the work that just took the
 * JVMs should not have to share the cores with their replacements. All refills run on the
 * reservoir's own thread, so nobody who takes or asks waits for a JVM to be launched.
 */
public final class Reservoir {
    private static final Reservoir SHARED = new Reservoir();
    static final long REFILL_DELAY_MILLIS = 500;
    static final long FORGET_AFTER_MILLIS = 10 * 60 * 1000;

    private final Deque<ChildJvm> ready = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(SpawnThreads.shared(), runnable, "proclab-reservoir");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pendingRefill;
    private ScheduledFuture<?> pendingForget;
    /** The size asked for with {@link #keepReady}. */
    private int asked;
    /** The largest burst of takes since the reservoir was last idle for {@link #FORGET_AFTER_MILLIS}. */
    private int learned;
    private int burst;
    private long lastTakeNanos;

    private Reservoir() {
    }

    public static Reservoir shared() {
        return SHARED;
    }

    /**
     * Keeps at least {@code size} JVMs ready from now on, starting the missing ones in the
     * background at once when that is more than before; JVMs taken are replaced after a pause (see
     * above), not here.
     */
    public synchronized void keepReady(int size) {
        if (size > asked) {
            asked = size;
            if (pendingRefill == null || pendingRefill.isDone()) {
                timer.execute(this::refill);
            }
        }
    }

    /** How many JVMs wait right now, booted and connected. */
    public synchronized int readyCount() {
        retireUnusable();
        return (int) ready.stream().filter(ChildJvm::isConnected).count();
    }

    /**
     * The pids of the JVMs waiting (or booting to wait) in the reservoir: child processes of this
     * JVM that run nobody's task, which tools listing processes tell apart from working ones.
     */
    public synchronized Set<Long> waitingPids() {
        Set<Long> pids = new TreeSet<>();
        ready.forEach(jvm -> pids.add(jvm.pid));
        return pids;
    }

    /** How many JVMs the reservoir keeps ready now: what was asked for or the demand it learned, within the limit. */
    public synchronized int target() {
        return Math.min(Math.max(asked, learned), SpawnConfig.maxLiveChildren());
    }

    /** Retires every waiting JVM and stops refilling, e.g. when the kernel shuts down. */
    public synchronized void drain() {
        asked = 0;
        learned = 0;
        ready.forEach(ChildJvm::discard);
        ready.clear();
    }

    /**
     * Retires the waiting JVMs that were started with an older class path (or other options) and
     * starts replacements; called when the class path of children changes.
     */
    public synchronized void retireStale() {
        retireUnusable();
        timer.execute(this::refill);
    }

    /**
     * A waiting JVM started as children start now (one that has connected, if any has), or null if
     * none waits; counts the take towards the demand and schedules the refill.
     */
    public synchronized ChildJvm take() {
        learnFromTake();
        retireUnusable();
        ChildJvm jvm = ready.stream().filter(ChildJvm::isConnected).findFirst().orElse(ready.peekFirst());
        if (jvm != null) {
            ready.remove(jvm);
        }
        return jvm;
    }

    private void learnFromTake() {
        long now = System.nanoTime();
        burst = now - lastTakeNanos < TimeUnit.MILLISECONDS.toNanos(REFILL_DELAY_MILLIS) ? burst + 1 : 1;
        lastTakeNanos = now;
        learned = Math.max(learned, burst);
        if (pendingRefill != null) {
            pendingRefill.cancel(false);
        }
        pendingRefill = timer.schedule(this::refill, REFILL_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        if (pendingForget != null) {
            pendingForget.cancel(false);
        }
        pendingForget = timer.schedule(this::drain, FORGET_AFTER_MILLIS, TimeUnit.MILLISECONDS);
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

    /** Retires the waiting JVMs that died or were started otherwise than children start now. */
    private void retireUnusable() {
        ready.removeIf(jvm -> {
            boolean unusable = !(jvm.isAlive() && jvm.isCurrent());
            if (unusable) {
                jvm.discard();
            }
            return unusable;
        });
    }

    /** Starts, all at once, the JVMs missing to reach the target; runs on the reservoir's thread. */
    private void refill() {
        int missing;
        synchronized (this) {
            retireUnusable();
            missing = target() - ready.size();
        }
        for (int i = 0; i < missing; i++) {
            ChildJvm jvm = ChildJvm.startIfRoom();
            if (jvm == null) {
                return;
            }
            synchronized (this) {
                if (ready.size() < target() && jvm.isCurrent()) {
                    ready.addLast(jvm);
                } else {
                    jvm.discard();
                }
            }
        }
    }
}
