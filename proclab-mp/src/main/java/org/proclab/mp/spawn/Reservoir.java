package org.proclab.mp.spawn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code start()} calls), at least the size asked for with {@link #keepReady}, at most three
 * quarters of the limit of live children ({@link #target}). So a cell that starts four processes finds four waiting the next time it
 * runs. After {@link #FORGET_AFTER_MILLIS} without a take it retires them all and forgets, so an
 * idle kernel holds no waiting JVMs; the next start refills it. A take that finds it empty
 * returns null at once: the caller then starts a fresh JVM, which does not wait for its boot
 * either.
 *
 * <p>Waiting JVMs count towards the limit of live children, but give way: when a new child needs
 * a slot and none is free, a waiting JVM is retired.
 *
 * <p>A reservoir holds JVMs started alike (one {@link JvmLaunch}: java, JVM options, class path),
 * so contexts whose settings start JVMs alike share one ({@link #of}), and a context with another
 * heap, say, has its own. When the default settings change ({@code %classpath} or {@code %maven}
 * adds to the class path), the JVMs waiting with the old ones are retired and the demand goes to the
 * reservoir of the new ones ({@link #changed}), so a process started after the change always sees
 * the new classes. A start that finds no free slot can retire a waiting JVM of any reservoir.
 *
 * <p>Replacements start together, {@link #REFILL_DELAY_MILLIS} after the last JVM was taken, not
 * at once: a JVM's start-up takes a core for a tenth of a second, and the work that just took the
 * JVMs should not have to share the cores with their replacements. All refills run on the
 * reservoirs' own thread, so nobody who takes or asks waits for a JVM to be launched.
 */
public final class Reservoir {
    static final long REFILL_DELAY_MILLIS = 500;
    static final long FORGET_AFTER_MILLIS = 10 * 60 * 1000;
    private static final Map<JvmLaunch, Reservoir> BY_LAUNCH = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = SpawnThreads.newThread(runnable, "proclab-reservoir");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts this reservoir's JVMs; only what makes their {@link #launch} matters. */
    private final ChildSettings settings;
    private final JvmLaunch launch;
    private final Deque<ChildJvm> ready = new ArrayDeque<>();
    /**
     * Held by a refill from taking a JVM's place until the JVM is in {@link #ready}: an eviction
     * waits for it, since that place is taken already but nothing could be evicted to free it.
     */
    private final Object launching = new Object();
    private ScheduledFuture<?> pendingRefill;
    private ScheduledFuture<?> pendingForget;
    private ScheduledFuture<?> pendingRetry;
    /** The size asked for with {@link #keepReady}. */
    private int asked;
    /** The largest burst of takes since the reservoir was last idle for {@link #FORGET_AFTER_MILLIS}. */
    private int learned;
    private int burst;
    private long lastTakeNanos;

    private Reservoir(ChildSettings settings, JvmLaunch launch) {
        this.settings = settings;
        this.launch = launch;
    }

    /** The reservoir of JVMs started as {@code settings} say. */
    public static Reservoir of(ChildSettings settings) {
        return BY_LAUNCH.computeIfAbsent(JvmLaunch.of(settings), launch -> new Reservoir(settings, launch));
    }

    /**
     * Children start with {@code after} instead of {@code before} from now on: if that starts JVMs
     * otherwise, the JVMs waiting with {@code before} are retired, and the reservoir of {@code after}
     * keeps as many ready as they were.
     */
    public static void changed(ChildSettings before, ChildSettings after) {
        JvmLaunch old = JvmLaunch.of(before);
        if (old.equals(JvmLaunch.of(after))) {
            return;
        }
        Reservoir stale = BY_LAUNCH.remove(old);
        if (stale != null) {
            int demand = stale.target();
            stale.drain();
            of(after).takeOverDemand(demand);
        }
    }

    /** Retires the waiting JVMs of every reservoir, e.g. when the kernel shuts down. */
    public static void drainAll() {
        BY_LAUNCH.values().forEach(Reservoir::drain);
    }

    /**
     * The pids of the JVMs waiting (or booting to wait) in any reservoir: child processes of this
     * JVM that run nobody's task, which tools listing processes tell apart from working ones.
     */
    public static Set<Long> allWaitingPids() {
        Set<Long> pids = new TreeSet<>();
        BY_LAUNCH.values().forEach(reservoir -> pids.addAll(reservoir.waitingPids()));
        return pids;
    }

    /** Retires one waiting JVM of some reservoir to free its slot; false if none waits. */
    static boolean evictFromAny() {
        for (Reservoir reservoir : BY_LAUNCH.values()) {
            if (reservoir.evictOne()) {
                return true;
            }
        }
        return false;
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
                TIMER.execute(this::refill);
            }
        }
    }

    /** How many JVMs wait right now, booted and connected. */
    public synchronized int readyCount() {
        retireDead();
        return (int) ready.stream().filter(ChildJvm::isConnected).count();
    }

    /** The pids of the JVMs waiting (or booting to wait) in this reservoir. */
    public synchronized Set<Long> waitingPids() {
        Set<Long> pids = new TreeSet<>();
        ready.forEach(jvm -> pids.add(jvm.pid));
        return pids;
    }

    /**
     * How many JVMs the reservoir keeps ready now: what was asked for or the demand it learned, at
     * most three quarters of the limit of live children. The last quarter stays free for the
     * processes that children start: a child cannot make its parent's waiting JVMs give way, so with
     * the limit full of them a grandchild could not start at all.
     */
    public synchronized int target() {
        int limit = settings.maxLiveChildren();
        return Math.min(Math.max(asked, learned), Math.max(1, limit - limit / 4));
    }

    /** Retires every waiting JVM and stops refilling, e.g. when the start method becomes SPAWN. */
    public synchronized void drain() {
        asked = 0;
        learned = 0;
        ready.forEach(ChildJvm::discard);
        ready.clear();
    }

    /** Schedules one more refill, unless one is scheduled already (this one may be running). */
    private synchronized void refillLater() {
        if (pendingRetry == null || pendingRetry.isDone() || pendingRetry.getDelay(TimeUnit.NANOSECONDS) <= 0) {
            pendingRetry = TIMER.schedule(this::refill, REFILL_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Keeps at least {@code size} ready, the demand another reservoir served, and starts them at once. */
    private synchronized void takeOverDemand(int size) {
        learned = Math.max(learned, size);
        TIMER.execute(this::refill);
    }

    /**
     * A waiting JVM (one that has connected, if any has), or null if none waits; counts the take
     * towards the demand and schedules the refill.
     */
    public synchronized ChildJvm take() {
        learnFromTake();
        retireDead();
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
        pendingRefill = TIMER.schedule(this::refill, REFILL_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        if (pendingForget != null) {
            pendingForget.cancel(false);
        }
        pendingForget = TIMER.schedule(this::drain, FORGET_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Retires one waiting JVM to free its slot (after a launch under way has landed); false if none waits. */
    boolean evictOne() {
        synchronized (launching) {
            synchronized (this) {
                ChildJvm jvm = ready.pollLast();
                if (jvm == null) {
                    return false;
                }
                jvm.discard();
                return true;
            }
        }
    }

    /** Forgets the waiting JVMs that died. */
    private void retireDead() {
        ready.removeIf(jvm -> {
            boolean dead = !jvm.isAlive();
            if (dead) {
                jvm.discard();
            }
            return dead;
        });
    }

    /**
     * Starts, all at once, the JVMs missing to reach the target; runs on the reservoirs' thread.
     * Where the limit of live children leaves no room (the burst that taught the demand may still be
     * running), it looks again a little later, until the target is reached or the demand forgotten:
     * otherwise a burst as large as the limit left the reservoir empty until the next start.
     */
    private void refill() {
        int missing;
        synchronized (this) {
            retireDead();
            missing = target() - ready.size();
        }
        for (int i = 0; i < missing; i++) {
            synchronized (launching) {
                ChildJvm jvm = ChildJvm.startIfRoom(settings);
                if (jvm == null) {
                    refillLater();
                    return;
                }
                synchronized (this) {
                    if (ready.size() < target() && BY_LAUNCH.get(launch) == this) {
                        ready.addLast(jvm);
                    } else {
                        jvm.discard();
                    }
                }
            }
        }
    }
}
