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
    private static final long MACHINE = 24 * GIB;

    @TempDir
    Path cgroup;

    private ResourceLimits read(Map<String, String> env) {
        return ResourceLimits.read(env, new CgroupLimits(cgroup, cgroup.resolve("no-such-proc-file"), MACHINE));
    }

    /** The limits under {@code cgroup} for a process whose /proc/self/cgroup says {@code selfCgroup}. */
    private ResourceLimits read(Map<String, String> env, String selfCgroup) throws IOException {
        write("self-cgroup", selfCgroup);
        return ResourceLimits.read(env, new CgroupLimits(cgroup, cgroup.resolve("self-cgroup"), MACHINE));
    }

    private static Optional<ResourceLimits.MemoryLimit> memory(long bytes, String source) {
        return Optional.of(new ResourceLimits.MemoryLimit(bytes, source, false));
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
        assertEquals(memory(GIB, "MEM_LIMIT"),
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
        assertEquals(memory(GIB / 2, "cgroup memory.max"), limits.memory());
        assertEquals(1.5, limits.cpus().getAsDouble());
        assertEquals(1, limits.processors(8));

        ResourceLimits envSmaller = read(Map.of("MEM_LIMIT", Long.toString(GIB / 4), "CPU_LIMIT", "1"));
        assertEquals(memory(GIB / 4, "MEM_LIMIT"), envSmaller.memory());
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
        ResourceLimits limits = read(Map.of(), "1:name=systemd:/elsewhere\n0::/user.slice/job\n");
        assertEquals(memory(GIB / 4, "cgroup memory.max"), limits.memory());
        assertEquals(2, limits.processors(8));
    }

    @Test
    void aGroupOutsideTheRootIsNotFollowed() throws IOException {
        Path outside = Files.createDirectories(cgroup.resolve("outside"));
        Path root = Files.createDirectories(cgroup.resolve("root"));
        Files.writeString(outside.resolve("memory.max"), "1048576\n");
        Files.writeString(cgroup.resolve("self-cgroup"), "0::/../outside\n");
        assertEquals(Optional.empty(),
                ResourceLimits.read(Map.of(), new CgroupLimits(root, cgroup.resolve("self-cgroup"), MACHINE)).memory());
    }

    // cgroup v1, as on this machine: the memory and cpu controllers each have their own hierarchy.
    @Test
    void cgroupV1LimitsAreReadFromTheGroupOfEachController() throws IOException {
        write("memory/docker/abc/memory.limit_in_bytes", "536870912\n");
        write("cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "150000\n");
        write("cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
        ResourceLimits limits = read(Map.of(), "9:name=systemd:/\n4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n");
        assertEquals(memory(GIB / 2, "cgroup memory.limit_in_bytes"), limits.memory());
        assertEquals(1.5, limits.cpus().getAsDouble());
    }

    // Inside a container the line names the host's group while the mount already is the container's.
    @Test
    void cgroupV1InsideAContainerReadsTheMountItselfWhenTheGroupIsNotThere() throws IOException {
        write("memory/memory.limit_in_bytes", "268435456\n");
        write("cpu/cpu.cfs_quota_us", "200000\n");
        write("cpu/cpu.cfs_period_us", "100000\n");
        ResourceLimits limits = read(Map.of(), "4:memory:/docker/abc\n1:cpu:/docker/abc\n");
        assertEquals(memory(GIB / 4, "cgroup memory.limit_in_bytes"), limits.memory());
        assertEquals(2, limits.processors(8));
    }

    @Test
    void cgroupV1GroupsAboveTheProcesssCountToo() throws IOException {
        write("memory/kubepods/pod1/memory.limit_in_bytes", "9223372036854771712\n");
        write("memory/kubepods/memory.limit_in_bytes", "1073741824\n");
        assertEquals(memory(GIB, "cgroup memory.limit_in_bytes"),
                read(Map.of(), "4:memory:/kubepods/pod1\n").memory());
    }

    // v1 says "no limit" with a huge number, or a limit of -1 for the CPU quota.
    @Test
    void cgroupV1HugeMemoryOrMinusOneQuotaMeansNoLimit() throws IOException {
        write("memory/memory.limit_in_bytes", "9223372036854771712\n");
        write("cpu/cpu.cfs_quota_us", "-1\n");
        write("cpu/cpu.cfs_period_us", "100000\n");
        ResourceLimits limits = read(Map.of(), "4:memory:/\n1:cpu:/\n");
        assertEquals(Optional.empty(), limits.memory());
        assertTrue(limits.cpus().isEmpty());
    }

    @Test
    void cgroupV1MemoryLimitOfTheMachinesMemoryOrMoreIsNoLimit() throws IOException {
        write("memory/memory.limit_in_bytes", Long.toString(MACHINE) + "\n");
        assertEquals(Optional.empty(), read(Map.of(), "4:memory:/\n").memory());
        write("memory/memory.limit_in_bytes", Long.toString(MACHINE - GIB) + "\n");
        assertEquals(memory(MACHINE - GIB, "cgroup memory.limit_in_bytes"), read(Map.of(), "4:memory:/\n").memory());
    }

    @Test
    void cgroupV1MemoryLimitOf2To60IsNoLimitWhateverTheMachine() throws IOException {
        write("self-cgroup", "4:memory:/\n");
        write("memory/memory.limit_in_bytes", Long.toString(1L << 60) + "\n");
        CgroupLimits unknownMachine = new CgroupLimits(cgroup, cgroup.resolve("self-cgroup"), Long.MAX_VALUE);
        assertEquals(Optional.empty(), ResourceLimits.read(Map.of(), unknownMachine).memory());
    }

    // A hybrid host has a v2 line ("0::/") beside the v1 lines: whichever sets a limit counts, the smallest wins.
    @Test
    void onAHybridHostTheSmallestLimitOfV1AndV2Wins() throws IOException {
        String self = "4:memory:/job\n1:cpu,cpuacct:/job\n0::/job\n";
        write("job/memory.max", "max\n");
        write("job/cpu.max", "max 100000\n");
        write("memory/job/memory.limit_in_bytes", "536870912\n");
        write("cpu,cpuacct/job/cpu.cfs_quota_us", "300000\n");
        write("cpu,cpuacct/job/cpu.cfs_period_us", "100000\n");
        ResourceLimits v1Only = read(Map.of(), self);
        assertEquals(memory(GIB / 2, "cgroup memory.limit_in_bytes"), v1Only.memory());
        assertEquals(3.0, v1Only.cpus().getAsDouble());

        write("job/memory.max", "268435456\n");
        write("job/cpu.max", "400000 100000\n");
        ResourceLimits both = read(Map.of("MEM_LIMIT", Long.toString(GIB)), self);
        assertEquals(memory(GIB / 4, "cgroup memory.max"), both.memory());
        assertEquals(3.0, both.cpus().getAsDouble());
    }

    @Test
    void theMachinesMemoryIsMemTotal() throws IOException {
        write("meminfo", "MemTotal:       24683772 kB\nMemFree:         1000 kB\n");
        assertEquals(24683772L * 1024, CgroupLimits.machineBytes(cgroup.resolve("meminfo")));
        assertEquals(Long.MAX_VALUE, CgroupLimits.machineBytes(cgroup.resolve("no-meminfo")));
    }

    // Under JupyterHub the spawner's limit covers the single-user server too; a MEM_LIMIT without a hub does not.
    @Test
    void underAHubTheMemoryLimitIsSharedWithTheServer() throws IOException {
        assertEquals(Optional.of(new ResourceLimits.MemoryLimit(GIB, "MEM_LIMIT", true)),
                read(Map.of("MEM_LIMIT", Long.toString(GIB), "JUPYTERHUB_USER", "ada")).memory());
        write("memory.max", "536870912\n");
        assertEquals(Optional.of(new ResourceLimits.MemoryLimit(GIB / 2, "cgroup memory.max", true)),
                read(Map.of("JUPYTERHUB_API_TOKEN", "secret")).memory());
        assertEquals(memory(GIB / 2, "cgroup memory.max"), read(Map.of("JUPYTERHUB_USER", " ")).memory());
    }

    // The kernel's own share is the limit under no hub, and the limit less the server's 128 MiB under one.
    @Test
    void theKernelsShareLeavesTheServerItsPartUnderAHubOnly() {
        assertEquals(GIB, new ResourceLimits.MemoryLimit(GIB, "MEM_LIMIT", false).kernelBytes());
        assertEquals(GIB - 128 * 1024 * 1024, new ResourceLimits.MemoryLimit(GIB, "MEM_LIMIT", true).kernelBytes());
        assertEquals(0, new ResourceLimits.MemoryLimit(64 * 1024 * 1024, "MEM_LIMIT", true).kernelBytes());
    }
}
