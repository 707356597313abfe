package org.proclab.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.proclab.kernel.protocol.UsageReply;
import org.proclab.mp.spawn.CpuClock;

/**
 * Answers {@code usage_request}: what the kernel and every process it started use, read from
 * {@code /proc}. A kernel whose children are JVMs is mostly its children, so they are counted, as
 * ipykernel counts its subprocesses. CPU is a rate, so it is measured between two requests: the
 * first answer says 0 for each process and leaves the host's CPU out, as psutil does.
 */
final class KernelUsage {
    private record Sample(long cpuNanos, long nanos) {
    }

    private final Map<Long, Sample> lastByPid = new HashMap<>();
    private long[] lastHost;

    /** Reads the usage now; called on the control thread only. */
    synchronized UsageReply measure() {
        long now = System.nanoTime();
        List<ProcessHandle> processes = Stream.concat(Stream.of(ProcessHandle.current()),
                ProcessHandle.current().descendants()).toList();
        double cpu = 0;
        long memory = 0;
        Map<Long, Sample> samples = new HashMap<>();
        for (ProcessHandle process : processes) {
            long cpuNanos = CpuClock.nanosOf(process.pid());
            if (cpuNanos < 0) {
                continue;
            }
            Sample last = lastByPid.get(process.pid());
            if (last != null && now > last.nanos()) {
                cpu += 100.0 * (cpuNanos - last.cpuNanos()) / (now - last.nanos());
            }
            samples.put(process.pid(), new Sample(cpuNanos, now));
            memory += memoryBytes(process.pid());
        }
        lastByPid.clear();
        lastByPid.putAll(samples);
        return new UsageReply(hostname(), ProcessHandle.current().pid(), cpu, memory, hostCpuPercent(),
                Runtime.getRuntime().availableProcessors(), virtualMemory());
    }

    /** The proportional set size (shared pages divided among their users), else the resident size. */
    private static long memoryBytes(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        long pss = kilobytes(proc.resolve("smaps_rollup"), "Pss:");
        return (pss >= 0 ? pss : Math.max(0, kilobytes(proc.resolve("status"), "VmRSS:"))) * 1024;
    }

    private static long kilobytes(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0])).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Percent of all cores busy since the last request, from {@code /proc/stat}; null the first time. */
    private Double hostCpuPercent() {
        long[] now = hostTicks();
        long[] last = lastHost;
        lastHost = now;
        if (now == null || last == null || now[1] <= last[1]) {
            return null;
        }
        return 100.0 * (now[0] - last[0]) / (now[1] - last[1]);
    }

    /** {busy, total} ticks of all CPUs. */
    private static long[] hostTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The host's memory as psutil's {@code virtual_memory()} names it, from one read of {@code /proc/meminfo}. */
    private static Map<String, Number> virtualMemory() {
        Map<String, Long> kilobytes = new HashMap<>();
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            lines.map(line -> line.split(":\\s+")).filter(parts -> parts.length == 2)
                    .forEach(parts -> kilobytes.put(parts[0], Long.parseLong(parts[1].split("\\s+")[0])));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        Map<String, Number> memory = new LinkedHashMap<>();
        Long total = kilobytes.get("MemTotal");
        Long available = kilobytes.get("MemAvailable");
        if (total != null && total > 0 && available != null) {
            memory.put("total", total * 1024);
            memory.put("available", available * 1024);
            memory.put("percent", Math.round(1000.0 * (total - available) / total) / 10.0);
            memory.put("used", (total - available) * 1024);
            memory.put("free", kilobytes.getOrDefault("MemFree", 0L) * 1024);
        }
        return memory;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
