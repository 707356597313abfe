package org.proclab.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * growing (the JVM tells of a crossing only once until the use falls below the threshold).
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
        long lookAt = (long) (max * LOOK_AT_SHARE);
        long stopAt = (long) (max * STOP_AT_SHARE);
        pool.setUsageThreshold(lookAt);
        long[] heldAtLastStop = {0};
        emitter.addNotificationListener((notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                System.gc();
                long used = pool.getUsage().getUsed();
                if (stops(used, max, heldAtLastStop[0])) {
                    heldAtLastStop[0] = used;
                    stopCell.accept(reason(used, max));
                } else if (used < stopAt) {
                    heldAtLastStop[0] = 0;
                }
                pool.setUsageThreshold(Math.max(lookAt, halfwayToMax(used, max)));
            }
        }, null, null);
    }

    /**
     * Whether a collection that left {@code used} of {@code max} in use stops the running cell: it fills
     * {@link #STOP_AT_SHARE}, and, after an earlier stop left {@code heldAtLastStop} in use, it holds at
     * least half of what that stop left free. Without the second rule, memory an earlier cell's variable
     * still holds would stop every next cell whose compiling crosses the threshold, the very cell that
     * sets that variable to null, as the error advises, among them.
     */
    static boolean stops(long used, long max, long heldAtLastStop) {
        return used >= (long) (max * STOP_AT_SHARE) && used >= halfwayToMax(heldAtLastStop, max);
    }

    /** Halfway from {@code used} to {@code max}: where the guard looks next, and what a next stop must fill. */
    private static long halfwayToMax(long used, long max) {
        return used + (max - used) / 2;
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
