package org.proclab.mp.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The memory and CPU this process was given, read once: JupyterHub's spawners put a user's limits
 * into the single-user server's environment as {@code MEM_LIMIT} (bytes) and {@code CPU_LIMIT}
 * (cores, possibly fractional), and a container enforces them through cgroup v2
 * ({@code memory.max}, {@code cpu.max}). Where both say something, the smaller wins. A value that is
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
     * A memory limit and where it came from, for messages.
     *
     * @param bytes  the limit
     * @param source {@code MEM_LIMIT} or {@code cgroup memory.max}
     */
    public record MemoryLimit(long bytes, String source) {
    }

    private static final class OfThisProcess {
        static final ResourceLimits LIMITS = read(System.getenv(), Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
    }

    /** The limits of this process, read from its environment and cgroup the first time they are asked for. */
    public static ResourceLimits ofThisProcess() {
        return OfThisProcess.LIMITS;
    }

    /**
     * Reads the limits from {@code env} and from the cgroup v2 files of the process's group under
     * {@code cgroupRoot} and of the groups above it, as far as the root; {@code selfCgroup} (as
     * {@code /proc/self/cgroup}) names the group. Missing or unreadable files mean no limit.
     */
    public static ResourceLimits read(Map<String, String> env, Path cgroupRoot, Path selfCgroup) {
        Optional<MemoryLimit> memory = positiveLong(env.get(MEM_LIMIT)).stream()
                .mapToObj(bytes -> new MemoryLimit(bytes, MEM_LIMIT)).findFirst();
        OptionalDouble cpus = positiveDouble(env.get(CPU_LIMIT));
        for (Path group : groupAndAncestors(cgroupRoot, selfCgroup)) {
            OptionalLong cgroupMemory = positiveLong(firstLine(group.resolve("memory.max")));
            if (cgroupMemory.isPresent() && (memory.isEmpty() || cgroupMemory.getAsLong() < memory.get().bytes())) {
                memory = Optional.of(new MemoryLimit(cgroupMemory.getAsLong(), "cgroup memory.max"));
            }
            OptionalDouble cgroupCpus = cpuMax(firstLine(group.resolve("cpu.max")));
            if (cgroupCpus.isPresent() && (cpus.isEmpty() || cgroupCpus.getAsDouble() < cpus.getAsDouble())) {
                cpus = cgroupCpus;
            }
        }
        return new ResourceLimits(memory, cpus);
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

    /** The group's directory and those above it up to {@code root}; just {@code root} when the group is unknown. */
    private static List<Path> groupAndAncestors(Path root, Path selfCgroup) {
        String relative = "";
        for (String line : lines(selfCgroup)) {
            if (line.startsWith("0::")) {
                relative = line.substring(3).replaceFirst("^/+", "");
            }
        }
        Path group = root.resolve(relative).normalize();
        List<Path> groups = new ArrayList<>();
        for (Path dir = group.startsWith(root) ? group : root; dir != null && dir.startsWith(root); dir = dir.getParent()) {
            groups.add(dir);
        }
        return groups;
    }

    /** {@code cpu.max}: "QUOTA PERIOD" in microseconds, or "max PERIOD" for no limit. */
    private static OptionalDouble cpuMax(String line) {
        if (line == null) {
            return OptionalDouble.empty();
        }
        String[] fields = line.trim().split("\\s+");
        if (fields.length != 2) {
            return OptionalDouble.empty();
        }
        OptionalDouble quota = positiveDouble(fields[0]);
        OptionalDouble period = positiveDouble(fields[1]);
        return quota.isPresent() && period.isPresent()
                ? OptionalDouble.of(quota.getAsDouble() / period.getAsDouble()) : OptionalDouble.empty();
    }

    private static OptionalLong positiveLong(String text) {
        try {
            long value = text == null ? 0 : Long.parseLong(text.trim());
            return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    private static OptionalDouble positiveDouble(String text) {
        try {
            double value = text == null ? 0 : Double.parseDouble(text.trim());
            return value > 0 && Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    private static String firstLine(Path file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? null : lines.get(0);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
