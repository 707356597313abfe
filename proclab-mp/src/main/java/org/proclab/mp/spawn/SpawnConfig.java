package org.proclab.mp.spawn;

import java.lang.invoke.SerializedLambda;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How child JVMs are started and what they may use, shared by every {@code Process} and
 * {@code Pool} of this JVM. Defaults suit a classroom; the kernel adjusts the class source and
 * the trace renderer, a user may lower or raise the limits.
 *
 * <p>System properties set defaults: {@code proclab.child.heap} (e.g. {@code 256m}),
 * {@code proclab.child.max} (live children at once), {@code proclab.child.options} (more JVM
 * options for every child, separated by spaces).
 */
public final class SpawnConfig {
    private static volatile String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static volatile String heap = System.getProperty("proclab.child.heap", "256m");
    private static volatile int maxLiveChildren = Integer.getInteger("proclab.child.max",
            4 * Runtime.getRuntime().availableProcessors());
    private static volatile int reservoirSize = Math.min(4, Runtime.getRuntime().availableProcessors());
    private static volatile List<String> baseClassPath =
            List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    private static volatile List<String> extraClassPath = List.of();
    private static volatile ClassSource classSource = ClassSource.fromResources(ClassLoader.getSystemClassLoader());
    private static volatile Function<Throwable, String> traceRenderer = SpawnConfig::standardTrace;
    private static volatile BiFunction<SerializedLambda, Integer, String> capturedNames = (lambda, index) -> null;

    private SpawnConfig() {
    }

    /** The java executable children run with; by default the parent's own. */
    public static String javaCommand() {
        return javaCommand;
    }

    public static void javaCommand(String command) {
        javaCommand = command;
    }

    /** The maximum heap of each child, as for {@code -Xmx} (default {@code 256m}). */
    public static String heap() {
        return heap;
    }

    public static void heap(String maxHeap) {
        heap = maxHeap;
    }

    /** How many children may be alive at once in this JVM (default: 4 × processors). */
    public static int maxLiveChildren() {
        return maxLiveChildren;
    }

    public static void maxLiveChildren(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxLiveChildren must be at least 1, not " + max);
        }
        maxLiveChildren = max;
    }

    /**
     * How many warm JVMs the WARM start method keeps waiting at least, once a process has been
     * started (default: the number of processors, at most 4: on a server with many cores every
     * kernel would otherwise keep dozens of idle JVMs). The reservoir grows beyond it with demand;
     * see {@link Reservoir}.
     */
    public static int reservoirSize() {
        return reservoirSize;
    }

    public static void reservoirSize(int size) {
        reservoirSize = Math.max(0, size);
    }

    /**
     * Adds a class path entry (e.g. from {@code %classpath} or {@code %maven}) for every child started
     * from now on; an entry already there is not added twice. Warm children waiting in the
     * {@link Reservoir} were started without it, so they are replaced.
     */
    public static void addClassPath(String entry) {
        synchronized (SpawnConfig.class) {
            if (extraClassPath.contains(entry)) {
                return;
            }
            List<String> entries = new ArrayList<>(extraClassPath);
            entries.add(entry);
            extraClassPath = List.copyOf(entries);
        }
        Reservoir.shared().retireStale();
    }

    /**
     * Sets the class path every child starts with, before what {@link #addClassPath} adds; by default
     * it is this JVM's own. A kernel, whose own class path also holds its front end and the libraries
     * of both, gives its children only {@link #libraryLocation()}: the less a JVM's class path holds,
     * the faster it boots, and what else a child needs (the cells' classes) comes from the parent
     * through {@link #classSource()}. Warm children started with another class path are replaced.
     */
    public static void baseClassPath(List<String> entries) {
        baseClassPath = List.copyOf(entries);
        Reservoir.shared().retireStale();
    }

    /** The jar (or class directory) of ProcLab's library, which is all a child JVM needs to run a task. */
    public static String libraryLocation() {
        try {
            return Path.of(SpawnConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate ProcLab's library", e);
        }
    }

    static String classPath() {
        List<String> entries = new ArrayList<>(baseClassPath);
        entries.addAll(extraClassPath);
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Where children's requests for classes are answered from. */
    public static ClassSource classSource() {
        return classSource;
    }

    public static void classSource(ClassSource source) {
        classSource = source;
    }

    /** Turns a child's exception into the text shown in the parent's stderr. */
    public static String renderTrace(Throwable failure) {
        return traceRenderer.apply(failure);
    }

    public static void traceRenderer(Function<Throwable, String> renderer) {
        traceRenderer = renderer;
    }

    /**
     * Finds the source name of a lambda's captured value (its index counts from 0), or null, so that
     * an error can say "the lambda captures variable {@code local}". By default no name is known: the
     * names are in the class files of the cells, which the kernel reads.
     */
    public static BiFunction<SerializedLambda, Integer, String> capturedNames() {
        return capturedNames;
    }

    public static void capturedNames(BiFunction<SerializedLambda, Integer, String> finder) {
        capturedNames = finder;
    }

    /**
     * The JVM options of a child, before the class path. Class-data sharing is on by default; it is
     * not forced with {@code -Xshare:auto}, because JDK 25 refuses an AOT cache given through
     * {@code proclab.child.options} next to that flag. {@code -XX:-UsePerfData}: no
     * {@code /tmp/hsperfdata} file per child; with many short-lived children (a class running pools)
     * a new JVM sometimes found a file of its pid still locked and printed a warning into the
     * student's output (decision 008). The limits are passed on, so a child's own children get the
     * same heap and count against the same limit of live children ({@link ChildLedger}).
     * {@code -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000}: with the serial collector the
     * JIT drops safepoint checks from counted loops, and a task busy in {@code for (int i = ...)} loops
     * then froze the child's other threads, so {@code terminate()} did not end it (decision 017).
     */
    static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Dproclab.child.heap=" + heap,
                "-Dproclab.child.max=" + maxLiveChildren, "-XX:+UseSerialGC",
                "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Djava.awt.headless=true"));
        String extra = System.getProperty("proclab.child.options");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    private static String standardTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
