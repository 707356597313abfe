package org.proclab.mp.spawn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The memory and CPU limits that the cgroups of a process set, in either version of cgroups, for
 * {@link ResourceLimits}. A container enforces a limit on its group and on the groups above it, so
 * the group and its ancestors all count, and the smallest limit wins.
 *
 * <ul>
 *   <li><b>cgroup v2</b> (one hierarchy, the line {@code 0::/PATH} of {@code /proc/self/cgroup}):
 *       {@code memory.max} and {@code cpu.max} under {@code ROOT/PATH}.</li>
 *   <li><b>cgroup v1</b> (a hierarchy per controller, lines such as {@code 4:memory:/docker/abc}):
 *       {@code memory.limit_in_bytes} under the memory controller's mount, {@code cpu.cfs_quota_us}
 *       and {@code cpu.cfs_period_us} under the cpu controller's. The mount is {@code ROOT/NAMES}
 *       as the line names the controllers ({@code cpu,cpuacct}) or {@code ROOT/CONTROLLER}. Inside
 *       a container the line's path is often the host's ({@code /docker/abc}) while the mount
 *       already shows the container's own group, so the walk up from {@code MOUNT/PATH} ends at
 *       the mount itself. v1 says "no limit" with a huge number (9223372036854771712): a memory
 *       limit of at least the machine's memory, or of 2<sup>60</sup> bytes, is none.</li>
 * </ul>
 *
 * A host in the hybrid layout has both kinds of line; both are read.
 */
final class CgroupLimits {
    /** No machine has this much memory: a v1 limit this large is v1's way of saying none. */
    static final long V1_NO_LIMIT_FROM = 1L << 60;

    private final Path root;
    private final List<String> selfLines;
    private final long machineBytes;

    /**
     * @param root         where the cgroup file systems are mounted ({@code /sys/fs/cgroup})
     * @param selfCgroup   the process's groups, as {@code /proc/self/cgroup}
     * @param machineBytes the machine's memory: a v1 memory limit as large means none
     */
    CgroupLimits(Path root, Path selfCgroup, long machineBytes) {
        this.root = root;
        this.selfLines = lines(selfCgroup);
        this.machineBytes = machineBytes;
    }

    /** The smallest memory limit of the groups and the file that sets it, if any. */
    Optional<ResourceLimits.MemoryLimit> memory() {
        Optional<ResourceLimits.MemoryLimit> smallest = Optional.empty();
        for (Path group : v2Groups()) {
            smallest = smaller(smallest, ResourceLimits.positiveLong(firstLine(group.resolve("memory.max"))), "cgroup memory.max");
        }
        for (Path group : v1Groups("memory")) {
            OptionalLong bytes = ResourceLimits.positiveLong(firstLine(group.resolve("memory.limit_in_bytes")));
            if (bytes.isPresent() && bytes.getAsLong() < Math.min(machineBytes, V1_NO_LIMIT_FROM)) {
                smallest = smaller(smallest, bytes, "cgroup memory.limit_in_bytes");
            }
        }
        return smallest;
    }

    /** The smallest CPU limit of the groups in cores, if any. */
    OptionalDouble cpus() {
        OptionalDouble smallest = OptionalDouble.empty();
        for (Path group : v2Groups()) {
            String[] fields = fields(firstLine(group.resolve("cpu.max")));
            smallest = smaller(smallest, fields.length == 2 ? quotaOverPeriod(fields[0], fields[1]) : OptionalDouble.empty());
        }
        for (Path group : v1Groups("cpu")) {
            smallest = smaller(smallest, quotaOverPeriod(firstLine(group.resolve("cpu.cfs_quota_us")),
                    firstLine(group.resolve("cpu.cfs_period_us"))));
        }
        return smallest;
    }

    /** The machine's memory from {@code /proc/meminfo}'s {@code MemTotal}, or {@link Long#MAX_VALUE} if it says none. */
    static long machineBytes(Path meminfo) {
        for (String line : lines(meminfo)) {
            String[] fields = fields(line);
            if (fields.length == 3 && fields[0].equals("MemTotal:") && fields[2].equals("kB")) {
                OptionalLong kib = ResourceLimits.positiveLong(fields[1]);
                if (kib.isPresent() && kib.getAsLong() < Long.MAX_VALUE / 1024) {
                    return kib.getAsLong() * 1024;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** The v2 group and its ancestors; just the root when no line names a v2 group. */
    private List<Path> v2Groups() {
        String path = "";
        for (String line : selfLines) {
            if (line.startsWith("0::")) {
                path = line.substring(3);
            }
        }
        return groupAndAncestors(root, path);
    }

    /** The groups of {@code controller}'s v1 hierarchy, under each mount it may have; none when no line names it. */
    private List<Path> v1Groups(String controller) {
        List<Path> groups = new ArrayList<>();
        for (String line : selfLines) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && List.of(fields[1].split(",")).contains(controller)) {
                Set<Path> mounts = new LinkedHashSet<>(List.of(root.resolve(fields[1]), root.resolve(controller)));
                for (Path mount : mounts) {
                    groups.addAll(groupAndAncestors(mount, fields[2]));
                }
            }
        }
        return groups;
    }

    /** {@code top/path} and the directories above it up to {@code top}; just {@code top} if the path leaves it. */
    private static List<Path> groupAndAncestors(Path top, String path) {
        Path group = top.resolve(path.replaceFirst("^/+", "")).normalize();
        List<Path> groups = new ArrayList<>();
        for (Path dir = group.startsWith(top) ? group : top; dir != null && dir.startsWith(top); dir = dir.getParent()) {
            groups.add(dir);
        }
        return groups;
    }

    private static Optional<ResourceLimits.MemoryLimit> smaller(Optional<ResourceLimits.MemoryLimit> smallest,
                                                                OptionalLong bytes, String source) {
        if (bytes.isEmpty() || smallest.isPresent() && smallest.get().bytes() <= bytes.getAsLong()) {
            return smallest;
        }
        return Optional.of(new ResourceLimits.MemoryLimit(bytes.getAsLong(), source, false));
    }

    private static OptionalDouble smaller(OptionalDouble smallest, OptionalDouble cpus) {
        return cpus.isPresent() && (smallest.isEmpty() || cpus.getAsDouble() < smallest.getAsDouble()) ? cpus : smallest;
    }

    /** A CPU quota per period in microseconds as cores; "max" (v2) or -1 (v1) as quota means no limit. */
    private static OptionalDouble quotaOverPeriod(String quota, String period) {
        OptionalDouble quotaUs = ResourceLimits.positiveDouble(quota);
        OptionalDouble periodUs = ResourceLimits.positiveDouble(period);
        return quotaUs.isPresent() && periodUs.isPresent()
                ? OptionalDouble.of(quotaUs.getAsDouble() / periodUs.getAsDouble()) : OptionalDouble.empty();
    }

    private static String[] fields(String line) {
        return line == null ? new String[0] : line.trim().split("\\s+");
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
