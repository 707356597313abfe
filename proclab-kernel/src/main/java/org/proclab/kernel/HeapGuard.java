package org.proclab.kernel;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.management.NotificationEmitter;
import org.proclab.mp.spawn.ResourceLimits;

/**
 * Stops a cell that is filling the kernel's heap before the heap is full. Cells run in the
 * kernel's own JVM, so a cell such as {@code var hoard = new ArrayList<long[]>(); while (true)
 * hoard.add(new long[1_000_000]);} would otherwise end with an {@link OutOfMemoryError} thrown
 * in whichever thread allocated last, often a thread of the kernel (a ZeroMQ I/O thread), and the
 * kernel would have to end ({@link EssentialThreadDeath}).
 *
 * <p>How: the JVM tells when its old generation holds {@link #LOOK_AT_SHARE} of its maximum (a
 * usage threshold, checked at each collection). Much of that may be garbage, so the guard then runs
 * a full collection and stops the running cell, as the stop button does and with an error that says
 * why and what to do, only if what is left still fills {@link #STOP_AT_SHARE}. The look comes early
 * because the cell keeps allocating while the JVM's notification travels. The guard then moves the
 * threshold halfway from what is in use to the maximum, so that it looks again if the use keeps
 * growing (the JVM tells of a crossing only once until the use falls below the threshold), and back
 * down when a collection finds that the use has fallen ({@link HeapLooks}).
 * If a kernel thread still meets an {@code OutOfMemoryError}, the kernel ends and Jupyter restarts it
 * ({@link EssentialThreadDeath}).
 *
 * <p>Under a memory limit the guard counts the heap as at most {@link #SHARE_OF_MEMORY_LIMIT} of the
 * kernel's share of the limit (under a hub the Jupyter server has its own), the share the JVM itself gives its heap in a container (decision 030): the kernelspec is
 * written at install, so its {@code -Xmx} cannot follow a limit that a spawner passes only as
 * {@code MEM_LIMIT}, and the JVM then sizes its heap from the whole machine.
 */
final class HeapGuard {
    /** The share of the old generation in use at which the guard first looks. */
    static final double LOOK_AT_SHARE = 0.6;
    /** The share of the old generation still in use after a full collection at which the running cell is stopped. */
    static final double STOP_AT_SHARE = 0.75;
    /** The share of a memory limit that the heap may fill, as the JVM's own default in a container. */
    static final double SHARE_OF_MEMORY_LIMIT = 0.25;
    private static final System.Logger LOG = System.getLogger(HeapGuard.class.getName());

    private HeapGuard() {
    }

    /**
     * Watches the heap; {@code stopCell} is called (on a JMX notification thread) with the reason
     * to show, in the form {@code OutOfMemoryError: text}. Where this JVM's collector reports no
     * such threshold, it logs that and does nothing.
     *
     * @param memoryLimit the kernel's memory limit, if it has one
     */
    static void install(Consumer<String> stopCell, Optional<ResourceLimits.MemoryLimit> memoryLimit) {
        Optional<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()
                        && pool.getUsage().getMax() > 0)
                .findFirst();
        if (oldGeneration.isEmpty() || !(ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter emitter)) {
            LOG.log(System.Logger.Level.WARNING, "no heap pool reports its use; cells that fill the heap are not"
                    + " stopped early");
            return;
        }
        MemoryPoolMXBean pool = oldGeneration.get();
        long max = oldGenerationMax(pool.getUsage().getMax(), Runtime.getRuntime().maxMemory(), memoryLimit);
        HeapLooks looks = new HeapLooks(max);
        pool.setUsageThreshold(looks.threshold());
        emitter.addNotificationListener((notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                System.gc();
                long used = pool.getUsage().getUsed();
                if (looks.looked(used)) {
                    stopCell.accept(reason(used, max));
                }
                pool.setUsageThreshold(looks.threshold());
            }
        }, null, null);
        watchCollections(pool, looks);
    }

    /**
     * Tells {@code looks} what each collection of the old generation leaves in use, so that the
     * threshold comes back down once the use has fallen (the JVM tells of no fall). Only the collectors
     * that collect the old generation are watched: with the kernel's serial collector, the full
     * collections only, rare and long next to the notification's cost. The use is read when the
     * notification arrives, not the one the collection left: it can only be higher, never stale.
     */
    private static void watchCollections(MemoryPoolMXBean pool, HeapLooks looks) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (Arrays.asList(collector.getMemoryPoolNames()).contains(pool.getName())
                    && collector instanceof NotificationEmitter collections) {
                collections.addNotificationListener((notification, handback) -> {
                    long before = looks.threshold();
                    looks.collected(pool.getUsage().getUsed());
                    if (looks.threshold() != before) {
                        pool.setUsageThreshold(looks.threshold());
                    }
                }, null, null);
            }
        }
    }

    /**
     * The most the old generation may hold: its own maximum, or under a memory limit the same part of
     * {@link #SHARE_OF_MEMORY_LIMIT} of the kernel's share of the limit (under a hub, the limit less
     * the Jupyter server's share) as it has of the whole heap, if that is less.
     */
    static long oldGenerationMax(long poolMax, long heapMax, Optional<ResourceLimits.MemoryLimit> memoryLimit) {
        if (memoryLimit.isEmpty()) {
            return poolMax;
        }
        double heapCap = memoryLimit.get().kernelBytes() * SHARE_OF_MEMORY_LIMIT;
        return heapCap >= heapMax ? poolMax : (long) (poolMax * (heapCap / heapMax));
    }

    /** What the user reads: how full, and how to get the memory back. */
    static String reason(long used, long max) {
        double megabyte = 1024.0 * 1024.0;
        return String.format(Locale.ROOT, "OutOfMemoryError: after a garbage collection the kernel's memory was still"
                        + " %.0f %% full (%.0f of %.0f MB), so the kernel stopped this cell before it ran out. What a"
                        + " variable refers to stays in memory: set a large one to null (bigList = null;), or restart"
                        + " the kernel.",
                100.0 * used / max, used / megabyte, max / megabyte);
    }
}
