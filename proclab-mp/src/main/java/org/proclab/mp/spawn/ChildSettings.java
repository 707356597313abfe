package org.proclab.mp.spawn;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the children of a context start and what they may use: a value, so that two contexts can
 * start children differently and a change makes a new value rather than touching what others use.
 * A context holds one ({@code MpContext.settings()}); change it with the {@code with...} methods,
 * e.g. {@code MpContext.get(StartMethod.SPAWN).withSettings(s -> s.withHeap("1g"))}.
 *
 * @param javaCommand    the java executable children run with; by default this JVM's own
 * @param heap           the maximum heap of each child, as for {@code -Xmx} (default {@code 256m},
 *                       less under a memory limit, or the system property {@code proclab.child.heap})
 * @param maxLiveChildren how many children this JVM may have alive at once when starting one with
 *                       these settings (default: 4 × processors, fewer if a memory limit allows fewer,
 *                       or {@code proclab.child.max}); it is passed on, so it bounds the children of
 *                       children too ({@link ChildLedger})
 * @param reservoirSize  how many warm JVMs the WARM start method keeps waiting at least, once a
 *                       process has been started (default: the processors, at most 4: on a server with
 *                       many cores every kernel would otherwise keep dozens of idle JVMs); the
 *                       {@link Reservoir} grows beyond it with demand. "Processors" are the CPU
 *                       limit where there is one ({@link ResourceLimits})
 * @param jvmOptions     more JVM options for every child, after ProcLab's own (default: the system
 *                       property {@code proclab.child.options}, separated by spaces)
 * @param classPath      the class path every child starts with; by default this JVM's own. A kernel,
 *                       whose own class path also holds its front end and the libraries of both,
 *                       gives its children only {@link #libraryLocation()}: the less a JVM's class
 *                       path holds, the faster it boots
 * @param classSource    where the classes a child asks for come from (in the kernel: the cells')
 * @param memory         how the memory limit of the session is shared out ({@link ResourceLimits}), or
 *                       null where there is none; the defaults above are sized from it (decision 029)
 */
public record ChildSettings(String javaCommand, String heap, int maxLiveChildren, int reservoirSize,
                            List<String> jvmOptions, List<String> classPath, ClassSource classSource,
                            MemoryBudget memory) {

    public ChildSettings {
        if (maxLiveChildren < 1) {
            throw new IllegalArgumentException("maxLiveChildren must be at least 1, not " + maxLiveChildren);
        }
        if (reservoirSize < 0) {
            throw new IllegalArgumentException("reservoirSize must be 0 or more, not " + reservoirSize);
        }
        jvmOptions = List.copyOf(jvmOptions);
        classPath = List.copyOf(classPath);
    }

    /**
     * The settings a JVM's children start with unless told otherwise: the system properties named
     * above, this JVM's java and class path, and its own classes as the class source (in a child:
     * also those its parent shipped to it, see {@link PassedOnClasses}). Where the session has
     * limits ({@link ResourceLimits#ofThisProcess()}), the heap, the limit of live children and the
     * reservoir are sized from them ({@link ChildSizing}).
     */
    public static ChildSettings defaults() {
        String extra = System.getProperty("proclab.child.options", "").trim();
        ResourceLimits limits = ResourceLimits.ofThisProcess();
        ChildSizing sizing = ChildSizing.of(limits.memory().map(MemoryBudget::new).orElse(null), limits.processors(),
                System.getProperty("proclab.child.heap"), Integer.getInteger("proclab.child.max"));
        return new ChildSettings(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                sizing.heap(), sizing.maxLiveChildren(), sizing.reservoirSize(),
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)),
                new PassedOnClasses(ClassSource.fromResources(ClassLoader.getSystemClassLoader())), sizing.memory());
    }

    /**
     * When the limit of live children is what the memory limit allows with this heap, that in
     * words ({@link MemoryBudget#room}), for the errors of a pool or a process that does not fit.
     */
    public Optional<String> memoryRoom() {
        if (memory == null) {
            return Optional.empty();
        }
        return MemoryBudget.mibOf(heap).stream()
                .filter(heapMib -> memory.children(heapMib) == maxLiveChildren)
                .mapToObj(memory::room).findFirst();
    }

    /** The jar (or class directory) of ProcLab's library, which is all a child JVM needs to run a task. */
    public static String libraryLocation() {
        try {
            return Path.of(ChildSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate ProcLab's library", e);
        }
    }

    public ChildSettings withJavaCommand(String command) {
        return new ChildSettings(command, heap, maxLiveChildren, reservoirSize, jvmOptions, classPath, classSource, memory);
    }

    public ChildSettings withHeap(String maxHeap) {
        return new ChildSettings(javaCommand, maxHeap, maxLiveChildren, reservoirSize, jvmOptions, classPath, classSource, memory);
    }

    public ChildSettings withMaxLiveChildren(int max) {
        return new ChildSettings(javaCommand, heap, max, reservoirSize, jvmOptions, classPath, classSource, memory);
    }

    public ChildSettings withReservoirSize(int size) {
        return new ChildSettings(javaCommand, heap, maxLiveChildren, size, jvmOptions, classPath, classSource, memory);
    }

    public ChildSettings withJvmOptions(List<String> options) {
        return new ChildSettings(javaCommand, heap, maxLiveChildren, reservoirSize, options, classPath, classSource, memory);
    }

    public ChildSettings withClassPath(List<String> entries) {
        return new ChildSettings(javaCommand, heap, maxLiveChildren, reservoirSize, jvmOptions, entries, classSource, memory);
    }

    /** These settings with {@code entry} (e.g. from {@code %classpath} or {@code %maven}) at the end of the class path, once. */
    public ChildSettings withClassPathEntry(String entry) {
        if (classPath.contains(entry)) {
            return this;
        }
        List<String> entries = new ArrayList<>(classPath);
        entries.add(entry);
        return withClassPath(entries);
    }

    public ChildSettings withClassSource(ClassSource source) {
        return new ChildSettings(javaCommand, heap, maxLiveChildren, reservoirSize, jvmOptions, classPath, source, memory);
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
     * {@code -XX:ArchiveRelocationMode=0}: the class-data archives (the JDK's and the children's,
     * {@link ChildClassArchive}) are mapped at the address they were written for, not moved to a random
     * one and every pointer in them patched, as JDK 17.0.15 does by default: 3–6 ms less CPU per child, and
     * 6 MB less memory per child, since the archives' pages stay shared between children (decision 048).
     */
    List<String> launchOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Dproclab.child.heap=" + heap,
                "-Dproclab.child.max=" + maxLiveChildren, "-XX:+UseSerialGC",
                "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000", "-XX:-UsePerfData",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Djava.awt.headless=true"));
        options.addAll(jvmOptions);
        return options;
    }

    /** The class path as the {@code -cp} option takes it. */
    String joinedClassPath() {
        return String.join(File.pathSeparator, classPath);
    }
}
