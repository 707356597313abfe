package org.proclab.mp;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.proclab.mp.spawn.ChildName;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.Reservoir;
import org.proclab.mp.spawn.ResourceLimits;

/**
 * A start method and the settings children start with, with the library's API on top, like
 * Python's {@code multiprocessing.get_context('spawn')}: what a context makes starts its children
 * its way, whatever the rest of the notebook chose.
 *
 * <pre>{@code
 * var spawn = MpContext.get(StartMethod.SPAWN);
 * var p = spawn.process(() -> work());                 // a fresh JVM, even while the default is WARM
 * try (var pool = spawn.withSettings(s -> s.withHeap("1g")).pool(2)) { ... }   // workers with a 1 GB heap
 * }</pre>
 *
 * <p>{@code new Process(...)} and {@code new Pool(...)} use the {@linkplain #defaultContext() default
 * context}, whose start method {@link Process#setStartMethod} chooses. A context from {@link #get}
 * starts children with the default context's settings as they are at each start (so a later
 * {@code %classpath} reaches its children too), and its pools report their progress where the
 * default context's do; {@link #withSettings} and {@link #withProgress} change them for one context.
 * What a front end configures, it configures on the default context: no setting of the library is
 * global to the JVM (decision 043 lists what stays per JVM, and why).
 * Queues, locks and the other primitives do not depend on the start method: a context makes them
 * as their constructors do, as Python's contexts do.
 */
public abstract class MpContext {
    private static final DefaultContext DEFAULT = new DefaultContext();
    private static final Map<StartMethod, MpContext> BY_METHOD = new EnumMap<>(StartMethod.class);

    static {
        for (StartMethod method : StartMethod.values()) {
            BY_METHOD.put(method, new FixedContext(method, DEFAULT::settings, DEFAULT::progress));
        }
    }

    MpContext() {
    }

    /** The context of {@code method}, with the default context's settings (Python's {@code get_context}). */
    public static MpContext get(StartMethod method) {
        if (method == null) {
            throw new IllegalArgumentException("a context needs a start method, e.g. MpContext.get(StartMethod.SPAWN)");
        }
        return BY_METHOD.get(method);
    }

    /** The context of {@code new Process(...)} and {@code new Pool(...)}: the one the kernel configures. */
    public static DefaultContext defaultContext() {
        return DEFAULT;
    }

    /** How this context's children come to life (Python's {@code get_start_method()}). */
    public abstract StartMethod startMethod();

    /** The settings this context's next child starts with. */
    public abstract ChildSettings settings();

    /** Where this context's pools report the progress of long maps ({@link ProgressReporter#NONE} for nowhere). */
    public abstract ProgressReporter progress();

    /**
     * The JVMs waiting for this context's {@link StartMethod#WARM} starts, shared with every context
     * whose settings start JVMs alike (the same java, JVM options and class path); for tools and tests.
     */
    public Reservoir reservoir() {
        return Reservoir.of(settings());
    }

    /**
     * A context with this one's start method whose children start with this context's settings
     * changed by {@code change}, e.g. {@code s -> s.withHeap("1g")}. When that starts JVMs otherwise
     * (another heap, say), its WARM JVMs wait in a reservoir of their own.
     */
    public MpContext withSettings(UnaryOperator<ChildSettings> change) {
        return new FixedContext(startMethod(), () -> change.apply(settings()), this::progress);
    }

    /**
     * A context like this one whose pools report the progress of long maps to {@code reporter}
     * instead, e.g. {@link ProgressReporter#NONE} for a pool that should draw no bar.
     */
    public MpContext withProgress(ProgressReporter reporter) {
        if (reporter == null) {
            throw new IllegalArgumentException("give ProgressReporter.NONE for no progress, not null");
        }
        return new FixedContext(startMethod(), this::settings, () -> reporter);
    }

    /** A process that will run {@code target}, named {@code Process-N}: {@code new Process(target)} in this context. */
    public Process process(Task target) {
        return new Process(target, ChildName.next("Process"), this);
    }

    /** A process that will run {@code target}, with a name of your choice. */
    public Process process(Task target, String name) {
        return new Process(target, ChildName.named(name), this);
    }

    /** A pool with as many workers as the kernel may use processors, as {@code new Pool()}. */
    public Pool pool() {
        return pool(ResourceLimits.ofThisProcess().processors());
    }

    /** A pool of {@code processes} workers. */
    public Pool pool(int processes) {
        return pool(processes, null, 0);
    }

    /** A pool whose workers each run {@code initializer} once before their first task. */
    public Pool pool(int processes, Task initializer) {
        return pool(processes, initializer, 0);
    }

    /** A pool whose workers run {@code initializer} first and are replaced after {@code maxTasksPerChild} tasks (0: never). */
    public Pool pool(int processes, Task initializer, int maxTasksPerChild) {
        return new Pool(processes, initializer, maxTasksPerChild, this);
    }

    public <T> Queue<T> queue() {
        return new Queue<>();
    }

    public <T> Queue<T> queue(int maxsize) {
        return new Queue<>(maxsize);
    }

    public <T> JoinableQueue<T> joinableQueue() {
        return new JoinableQueue<>();
    }

    public <T> JoinableQueue<T> joinableQueue(int maxsize) {
        return new JoinableQueue<>(maxsize);
    }

    public Lock lock() {
        return new Lock();
    }

    public RLock rLock() {
        return new RLock();
    }

    public Event event() {
        return new Event();
    }

    public Semaphore semaphore(int value) {
        return new Semaphore(value);
    }

    public BoundedSemaphore boundedSemaphore(int value) {
        return new BoundedSemaphore(value);
    }

    public Condition condition() {
        return new Condition();
    }

    public Condition condition(Lock lock) {
        return new Condition(lock);
    }

    public Condition condition(RLock lock) {
        return new Condition(lock);
    }

    public Barrier barrier(int parties) {
        return new Barrier(parties);
    }

    /** A shared {@code int}: {@link Value#ofInt}. */
    public Value.OfInt value(int initial) {
        return Value.ofInt(initial);
    }

    /** A shared {@code long}: {@link Value#ofLong}. */
    public Value.OfLong value(long initial) {
        return Value.ofLong(initial);
    }

    /** A shared {@code double}: {@link Value#ofDouble}. */
    public Value.OfDouble value(double initial) {
        return Value.ofDouble(initial);
    }

    /** A shared array holding {@code values}: {@link Array#of(int...)}. */
    public Array.OfInt array(int... values) {
        return Array.of(values);
    }

    public Array.OfLong array(long... values) {
        return Array.of(values);
    }

    public Array.OfDouble array(double... values) {
        return Array.of(values);
    }

    /** A duplex pipe: {@link Pipe#open()}. */
    public Pipe pipe() {
        return Pipe.open();
    }

    public Pipe pipe(boolean duplex) {
        return Pipe.open(duplex);
    }

    @Override
    public String toString() {
        return "MpContext(" + startMethod() + ")";
    }
}
