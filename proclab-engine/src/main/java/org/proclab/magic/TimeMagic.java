package org.proclab.magic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.proclab.engine.jshell.Evaluation;

/**
 * {@code %time STATEMENT} and {@code %%time}: runs Java code and reports its wall time and the CPU
 * time it used, the kernel's and its child processes' apart, so a student sees where the work ran.
 * The children's CPU time is that of children that ended meanwhile (Linux counts a child's CPU
 * for its parent when it is reaped), to the operating system's tick (usually 10 ms).
 */
final class TimeMagic extends DescribedMagic {
    private static final Path OWN_STAT = Path.of("/proc/self/stat");
    /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common build. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    TimeMagic(boolean cellMagic) {
        super("time", cellMagic,
                cellMagic ? "%%time   (on the first line; the rest of the cell is timed)" : "%time STATEMENT_OR_EXPRESSION",
                "Runs the code and prints its wall time and CPU time, the kernel's and its child processes' apart.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        String code = isCellMagic() ? body : arguments;
        if (isCellMagic() && !arguments.isBlank()) {
            throw new MagicUsageException("takes no arguments; the code goes below it");
        }
        if (code.isBlank()) {
            throw new MagicUsageException("nothing to time");
        }
        long cpuBefore = kernelCpuNanos();
        long childrenBefore = childrenCpuTicks();
        long wallBefore = System.nanoTime();
        Evaluation outcome = context.evaluate(code);
        long wall = System.nanoTime() - wallBefore;
        long kernelCpu = kernelCpuNanos() - cpuBefore;
        long childrenTicks = childrenCpuTicks() - childrenBefore;
        String children = childrenBefore < 0 ? "n/a" : millis(childrenTicks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        context.print("Wall time: " + millis(wall) + " · CPU: kernel " + millis(kernelCpu)
                + ", child processes " + children + "\n");
        return outcome;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static long kernelCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** cutime + cstime of /proc/self/stat: CPU of the children that ended, in clock ticks; -1 off Linux. */
    private static long childrenCpuTicks() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
