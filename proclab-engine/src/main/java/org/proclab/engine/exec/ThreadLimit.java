package org.proclab.engine.exec;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.proclab.mp.spawn.ResourceLimits;

/**
 * How many live threads the cells of a kernel may have (decision 030). Cells run in the kernel's
 * JVM, and every thread costs memory outside the heap, which the JVM's heap limit does not see:
 * its stack as far as it was touched, the kernel's own stack for it and its task structures. A
 * cell that starts threads in an endless loop makes thousands a second, until the memory limit
 * kills the kernel or the machine slows to a crawl.
 *
 * <p>The rule: the threads may take a quarter of the memory, at {@link #BYTES_PER_THREAD} each,
 * between {@link #MIN_THREADS} and {@link #MAX_THREADS}. The memory is the kernel's limit
 * ({@code MEM_LIMIT} or the cgroup's, {@link ResourceLimits}), under a hub less the Jupyter server's
 * share of it ({@link ResourceLimits.MemoryLimit#kernelBytes()}), or else the machine's.
 *
 * @param threads the most live threads the cells may have
 * @param basis   where the number comes from, in words, for the error that names it
 */
record ThreadLimit(int threads, String basis) {
    /** What a thread costs, measured at 45–75 KB for a sleeping one (decision 030), with room for deeper stacks. */
    static final long BYTES_PER_THREAD = 128 * 1024;
    /** The threads may take one part in this many of the memory. */
    static final int SHARE_OF_MEMORY = 4;
    static final int MIN_THREADS = 256;
    static final int MAX_THREADS = 8192;
    private static final long MIB = 1024 * 1024;

    private static final class OfThisProcess {
        static final ThreadLimit LIMIT = of(ResourceLimits.ofThisProcess(),
                ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize());
    }

    /** The limit of this kernel, from its memory limit or else the machine's memory. */
    static ThreadLimit ofThisProcess() {
        return OfThisProcess.LIMIT;
    }

    /** The limit for the given limits, or for {@code machineBytes} of memory when there is no memory limit. */
    static ThreadLimit of(ResourceLimits limits, long machineBytes) {
        return limits.memory()
                .map(limit -> new ThreadLimit(threadsFor(limit.kernelBytes()), limit.sharedWithServer()
                        ? "a quarter of its " + size(limit.kernelBytes()) + " share of the memory limit of "
                                + size(limit.bytes()) + " (" + limit.source() + "), which the Jupyter server shares"
                        : "a quarter of its memory limit of " + size(limit.bytes()) + " (" + limit.source() + ")"))
                .orElseGet(() -> new ThreadLimit(threadsFor(machineBytes),
                        "a quarter of the machine's " + size(machineBytes) + " of memory, at most " + MAX_THREADS));
    }

    static int threadsFor(long memoryBytes) {
        long threads = memoryBytes / SHARE_OF_MEMORY / BYTES_PER_THREAD;
        return (int) Math.max(MIN_THREADS, Math.min(MAX_THREADS, threads));
    }

    /** What the user reads when a cell's threads reach the limit, as "NAME: text" for the kernel's stop. */
    String reason() {
        return String.format(Locale.ROOT, "ThreadLimitError: the threads this notebook's cells started reached the"
                + " kernel's limit of %,d live threads (%s, at %d KiB a thread), so the kernel stopped the cell"
                + " and its threads. Run many tasks on a few threads instead, such as"
                + " Executors.newFixedThreadPool(4).", threads, basis, BYTES_PER_THREAD / 1024);
    }

    private static String size(long bytes) {
        return bytes >= 1024 * MIB
                ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * MIB))
                : bytes / MIB + " MiB";
    }
}
