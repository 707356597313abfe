package org.proclab.mp.spawn;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The memory and CPU this process was given, read once: JupyterHub's spawners put a user's limits
 * into the single-user server's environment as {@code MEM_LIMIT} (bytes) and {@code CPU_LIMIT}
 * (cores, possibly fractional), and a container enforces them through its cgroups, v2 or v1
 * ({@link CgroupLimits}). Where several say something, the smallest wins. A value that is
 * empty, zero, negative or not a number counts as no limit: a kernel must start whatever its
 * environment holds. Children inherit the environment and the cgroup, so every JVM of a session
 * reads the same limits. Decision 029 says how ProcLab sizes itself from them ({@link MemoryBudget}).
 *
 * @param memory the memory limit, if any
 * @param cpus   the CPU limit in cores, if any
 */
public record ResourceLimits(Optional<MemoryLimit> memory, OptionalDouble cpus) {
    /** JupyterHub's name for the memory limit in bytes. */
    public static final String MEM_LIMIT = "MEM_LIMIT";
    /** JupyterHub's name for the CPU limit in cores. */
    public static final String CPU_LIMIT = "CPU_LIMIT";
    /**
     * What JupyterHub puts into the environment of every single-user server it spawns (with
     * {@code JUPYTERHUB_API_TOKEN}); a kernel inherits it from its server.
     */
    public static final String JUPYTERHUB_USER = "JUPYTERHUB_USER";
    /** The other variable that says a hub spawned the server. */
    public static final String JUPYTERHUB_API_TOKEN = "JUPYTERHUB_API_TOKEN";

    /**
     * A memory limit, where it came from, for messages, and whether the Jupyter server has its
     * share of it too: a hub's spawner sets the limit for the whole single-user server (its
     * {@code MEM_LIMIT}, its pod's or container's cgroup), so the server process counts against it
     * beside the kernel; a {@code MEM_LIMIT} without a hub is the kernel's alone.
     *
     * @param bytes            the limit
     * @param source           {@code MEM_LIMIT}, {@code cgroup memory.max} or
     *                         {@code cgroup memory.limit_in_bytes}
     * @param sharedWithServer whether the kernel runs under JupyterHub, so that the limit also
     *                         covers the single-user server
     */
    public record MemoryLimit(long bytes, String source, boolean sharedWithServer) {
        /**
         * The part of the limit that the kernel's JVM (with its children) has: the whole limit, or
         * under a hub the limit less the server's {@value MemoryBudget#SERVER_MIB} MiB
         * ({@link MemoryBudget}), at least nothing. Shares of the kernel's own memory, such as its
         * threads' and its heap's (decision 030), are taken of this, not of the whole limit.
         */
        public long kernelBytes() {
            return Math.max(0, bytes - (sharedWithServer ? MemoryBudget.SERVER_MIB * 1024 * 1024 : 0));
        }
    }

    private static final class OfThisProcess {
        static final ResourceLimits LIMITS = read(System.getenv(), new CgroupLimits(Path.of("/sys/fs/cgroup"),
                Path.of("/proc/self/cgroup"), CgroupLimits.machineBytes(Path.of("/proc/meminfo"))));
    }

    /** The limits of this process, read from its environment and cgroups the first time they are asked for. */
    public static ResourceLimits ofThisProcess() {
        return OfThisProcess.LIMITS;
    }

    /**
     * Reads the limits from {@code env} and from the process's {@code cgroups}; the memory limit is
     * shared with the server when {@code env} says a hub spawned it ({@link #JUPYTERHUB_USER} or
     * {@link #JUPYTERHUB_API_TOKEN} is set).
     */
    static ResourceLimits read(Map<String, String> env, CgroupLimits cgroups) {
        Optional<MemoryLimit> memory = positiveLong(env.get(MEM_LIMIT)).stream()
                .mapToObj(bytes -> new MemoryLimit(bytes, MEM_LIMIT, false)).findFirst();
        Optional<MemoryLimit> cgroupMemory = cgroups.memory();
        if (cgroupMemory.isPresent() && (memory.isEmpty() || cgroupMemory.get().bytes() < memory.get().bytes())) {
            memory = cgroupMemory;
        }
        OptionalDouble cpus = positiveDouble(env.get(CPU_LIMIT));
        OptionalDouble cgroupCpus = cgroups.cpus();
        if (cgroupCpus.isPresent() && (cpus.isEmpty() || cgroupCpus.getAsDouble() < cpus.getAsDouble())) {
            cpus = cgroupCpus;
        }
        boolean underHub = isSet(env.get(JUPYTERHUB_USER)) || isSet(env.get(JUPYTERHUB_API_TOKEN));
        return new ResourceLimits(memory.map(limit -> new MemoryLimit(limit.bytes(), limit.source(), underHub)), cpus);
    }

    /**
     * How many processes can run at once here: the CPU limit rounded down (at least 1), and no more
     * than {@code availableProcessors}. It is the size of {@code new Pool()}.
     */
    public int processors(int availableProcessors) {
        if (cpus.isEmpty()) {
            return availableProcessors;
        }
        return Math.max(1, Math.min(availableProcessors, (int) Math.floor(cpus.getAsDouble())));
    }

    /** {@link #processors(int)} of this JVM's processors, which the JVM already counts within a cgroup's CPU quota. */
    public int processors() {
        return processors(Runtime.getRuntime().availableProcessors());
    }

    /** {@code text} as a whole number if it is one above 0, else none. */
    static OptionalLong positiveLong(String text) {
        try {
            long value = text == null ? 0 : Long.parseLong(text.trim());
            return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** {@code text} as a finite number if it is one above 0, else none. */
    static OptionalDouble positiveDouble(String text) {
        try {
            double value = text == null ? 0 : Double.parseDouble(text.trim());
            return value > 0 && Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    private static boolean isSet(String text) {
        return text != null && !text.isBlank();
    }
}
