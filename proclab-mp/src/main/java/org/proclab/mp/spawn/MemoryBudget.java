package org.proclab.mp.spawn;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * How a memory limit is shared between the kernel and its child JVMs, so that all of them together
 * stay inside it: a cgroup that runs out kills a process, and that may be the kernel. What a cgroup
 * counts is resident memory, not {@code -Xmx}; a child's resident memory is its heap (at most
 * {@code -Xmx}) and ~43 MB beside it when idle, more once it has compiled code and loaded classes.
 * The figures are measured (docs/benchmarks.md, "Classroom load and memory"); decision 029 has the
 * arithmetic.
 *
 * <ul>
 *   <li>The kernel keeps {@value #KERNEL_MIB} MiB: idle it takes 130–150 MB, more while a cell works.</li>
 *   <li>Under JupyterHub, whose limit covers the whole single-user server
 *       ({@link ResourceLimits.MemoryLimit#sharedWithServer()}), the server keeps {@value #SERVER_MIB} MiB.</li>
 *   <li>Each child takes its heap cap plus {@value #BESIDE_HEAP_MIB} MiB beside it.</li>
 *   <li>The heap cap is what lets {@value #CHILDREN_WANTED} children (or a {@code new Pool()}, if
 *       larger) fit, between {@value #MIN_HEAP_MIB} MiB and the usual {@value #MAX_HEAP_MIB} MiB.</li>
 *   <li>The live children are as many as fit in what is left, at least one.</li>
 * </ul>
 *
 * @param limit the memory limit this budget shares out
 */
public record MemoryBudget(ResourceLimits.MemoryLimit limit) {
    static final long KERNEL_MIB = 200;
    /**
     * The single-user server beside the kernel: measured at 122–123 MB RSS (117 MiB) for the
     * Python server of Notebook 6 with 30 students on a hub (docs/benchmarks.md, "A class through
     * JupyterHub"), rounded up: a Jupyter Server with JupyterLab, as in deploy/Dockerfile's image,
     * has not been measured.
     */
    static final long SERVER_MIB = 128;
    static final long BESIDE_HEAP_MIB = 64;
    static final long MIN_HEAP_MIB = 32;
    static final long MAX_HEAP_MIB = 256;
    static final int CHILDREN_WANTED = 4;
    private static final long MIB = 1024 * 1024;

    /** What is left for children once the kernel, and under a hub the server, have their shares (may be 0). */
    long forChildren() {
        return Math.max(0, limit.bytes() - (KERNEL_MIB + serverMib()) * MIB);
    }

    private long serverMib() {
        return limit.sharedWithServer() ? SERVER_MIB : 0;
    }

    /**
     * The heap cap of each child, in MiB: the share of {@value #CHILDREN_WANTED} children (or of
     * {@code processors}, if more) less what a child takes beside its heap, within the bounds above.
     */
    public long heapMib(int processors) {
        long share = forChildren() / MIB / Math.max(CHILDREN_WANTED, processors);
        return Math.max(MIN_HEAP_MIB, Math.min(MAX_HEAP_MIB, share - BESIDE_HEAP_MIB));
    }

    /** How many children with a heap cap of {@code heapMib} fit next to the kernel: at least one. */
    public int children(long heapMib) {
        return (int) Math.max(1, forChildren() / MIB / (heapMib + BESIDE_HEAP_MIB));
    }

    /**
     * In words, for errors: "this kernel's memory limit of 1.0 GiB (MEM_LIMIT) leaves room for 4
     * child JVMs (each ~206 MiB: a heap of up to 142 MiB and ~64 MiB beside it; the kernel ~200 MiB)";
     * under a hub the limit is "shared with the Jupyter server" and the server's ~128 MiB is named too.
     */
    public String room(long heapMib) {
        return "this kernel's memory limit of " + size(limit.bytes()) + " (" + limit.source()
                + (limit.sharedWithServer() ? ", shared with the Jupyter server" : "") + ") leaves room for "
                + children(heapMib) + " child JVM" + (children(heapMib) == 1 ? "" : "s") + " (each ~"
                + (heapMib + BESIDE_HEAP_MIB) + " MiB: a heap of up to " + heapMib + " MiB and ~" + BESIDE_HEAP_MIB
                + " MiB beside it; the kernel ~" + KERNEL_MIB + " MiB"
                + (limit.sharedWithServer() ? ", the Jupyter server ~" + SERVER_MIB + " MiB" : "") + ")";
    }

    /** A heap size as {@code -Xmx} takes it ({@code 256m}, {@code 1g}, {@code 524288k}, bytes) in MiB, if it is one. */
    static OptionalLong mibOf(String heap) {
        String text = heap.trim().toLowerCase(Locale.ROOT);
        if (!text.matches("\\d+[kmgt]?")) {
            return OptionalLong.empty();
        }
        char unit = text.charAt(text.length() - 1);
        String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long unitBytes = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        try {
            return OptionalLong.of(Math.multiplyExact(Long.parseLong(digits), unitBytes) / MIB);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return OptionalLong.empty();
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * MIB
                ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * MIB))
                : bytes / MIB + " MiB";
    }
}
