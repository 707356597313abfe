package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLimitsTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path cgroup;

    private ResourceLimits read(Map<String, String> env) {
        return ResourceLimits.read(env, cgroup, cgroup.resolve("no-such-proc-file"));
    }

    private void write(String file, String content) throws IOException {
        Path path = cgroup.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    @Test
    void withoutEnvironmentOrCgroupThereAreNoLimits() {
        ResourceLimits limits = read(Map.of());
        assertEquals(Optional.empty(), limits.memory());
        assertTrue(limits.cpus().isEmpty());
        assertEquals(8, limits.processors(8));
    }

    @Test
    void memLimitIsReadInBytes() {
        assertEquals(Optional.of(new ResourceLimits.MemoryLimit(GIB, "MEM_LIMIT")),
                read(Map.of("MEM_LIMIT", " 1073741824\n")).memory());
    }

    @Test
    void zeroEmptyNegativeOrGarbageMemLimitIsNoLimit() {
        for (String value : new String[] {"0", "", "-5", "1G", "lots"}) {
            assertEquals(Optional.empty(), read(Map.of("MEM_LIMIT", value)).memory(), value);
        }
    }

    @Test
    void cpuLimitRoundsDownToAtLeastOneAndNoMoreThanTheMachine() {
        assertEquals(1, read(Map.of("CPU_LIMIT", "0.5")).processors(8));
        assertEquals(2, read(Map.of("CPU_LIMIT", "2.0")).processors(8));
        assertEquals(2, read(Map.of("CPU_LIMIT", "2.7")).processors(8));
        assertEquals(4, read(Map.of("CPU_LIMIT", "16")).processors(4));
        for (String value : new String[] {"0", "", "-1", "NaN", "Infinity", "many"}) {
            assertEquals(8, read(Map.of("CPU_LIMIT", value)).processors(8), value);
        }
    }

    @Test
    void theSmallerOfEnvironmentAndCgroupWins() throws IOException {
        write("memory.max", "536870912\n");
        write("cpu.max", "150000 100000\n");
        ResourceLimits limits = read(Map.of("MEM_LIMIT", Long.toString(GIB), "CPU_LIMIT", "4"));
        assertEquals(Optional.of(new ResourceLimits.MemoryLimit(GIB / 2, "cgroup memory.max")), limits.memory());
        assertEquals(1.5, limits.cpus().getAsDouble());
        assertEquals(1, limits.processors(8));

        ResourceLimits envSmaller = read(Map.of("MEM_LIMIT", Long.toString(GIB / 4), "CPU_LIMIT", "1"));
        assertEquals(Optional.of(new ResourceLimits.MemoryLimit(GIB / 4, "MEM_LIMIT")), envSmaller.memory());
        assertEquals(1.0, envSmaller.cpus().getAsDouble());
    }

    @Test
    void cgroupMaxMeansNoLimit() throws IOException {
        write("memory.max", "max\n");
        write("cpu.max", "max 100000\n");
        ResourceLimits limits = read(Map.of());
        assertEquals(Optional.empty(), limits.memory());
        assertTrue(limits.cpus().isEmpty());
    }

    @Test
    void theGroupOfTheProcessAndTheGroupsAboveItCount() throws IOException {
        write("user.slice/job/memory.max", "max\n");
        write("user.slice/memory.max", "268435456\n");
        write("user.slice/job/cpu.max", "200000 100000\n");
        write("self-cgroup", "1:name=systemd:/elsewhere\n0::/user.slice/job\n");
        ResourceLimits limits = ResourceLimits.read(Map.of(), cgroup, cgroup.resolve("self-cgroup"));
        assertEquals(Optional.of(new ResourceLimits.MemoryLimit(GIB / 4, "cgroup memory.max")), limits.memory());
        assertEquals(2, limits.processors(8));
    }

    @Test
    void aGroupOutsideTheRootIsNotFollowed() throws IOException {
        Path outside = Files.createDirectories(cgroup.resolve("outside"));
        Path root = Files.createDirectories(cgroup.resolve("root"));
        Files.writeString(outside.resolve("memory.max"), "1048576\n");
        Files.writeString(cgroup.resolve("self-cgroup"), "0::/../outside\n");
        assertEquals(Optional.empty(), ResourceLimits.read(Map.of(), root, cgroup.resolve("self-cgroup")).memory());
    }
}
