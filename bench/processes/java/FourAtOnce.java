import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.Array;
import org.proclab.mp.Process;

/**
 * Four at once: what a notebook cell does that starts four processes in a loop, each counting the
 * primes below N (about 35 ms of CPU), and then joins all four. Each child notes when its work
 * began and ended (epoch seconds, comparable across JVMs) in a shared array; the parent reports per
 * timed run:
 * <ul>
 *   <li>"RESULT java four SECONDS": from the loop's start until all four were joined;</li>
 *   <li>"RESULT java four.startK SECONDS" (K = 1..4): when the K-th {@code start()} returned,
 *       from the loop's start: {@code start()} should return as soon as the OS process exists;</li>
 *   <li>"RESULT java four.work SECONDS": each child's work, four per run (to check the size of N);</li>
 *   <li>"RESULT java four.overlaps PAIRS": how many of the 6 pairs of run intervals overlap;
 *       0 means the four ran one after another.</li>
 * </ul>
 *
 * <p>Arguments: WARMUP REPS N (default 1 3 400000).
 */
public final class FourAtOnce {
    private static final int PROCESSES = 4;

    public static void main(String[] args) throws Exception {
        Bench.setup();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 400_000;
        for (int i = 0; i < warmup + reps; i++) {
            Bench.beforeRun();
            // Two slots per child: start and end of its work.
            Array.OfDouble intervals = Array.ofDouble(2 * PROCESSES);
            long[] startReturned = new long[PROCESSES];
            List<Process> processes = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int k = 0; k < PROCESSES; k++) {
                int slot = 2 * k;
                Process p = new Process(() -> {
                    intervals.set(slot, Bench.epochSeconds());
                    CpuSpeedup.countPrimes(n);
                    intervals.set(slot + 1, Bench.epochSeconds());
                });
                p.start();
                startReturned[k] = System.nanoTime() - t0;
                processes.add(p);
            }
            for (Process p : processes) {
                p.join();
            }
            long whole = System.nanoTime() - t0;
            for (Process p : processes) {
                if (p.exitCode() != 0) {
                    throw new IllegalStateException(p.name() + " exited with " + p.exitCode());
                }
            }
            double[] run = intervals.toArray();
            if (i >= warmup) {
                System.out.println("RESULT java four " + whole / 1e9);
                for (int k = 0; k < PROCESSES; k++) {
                    System.out.println("RESULT java four.start" + (k + 1) + " " + startReturned[k] / 1e9);
                    System.out.println("RESULT java four.work " + (run[2 * k + 1] - run[2 * k]));
                }
                System.out.println("RESULT java four.overlaps " + Bench.overlappingPairs(run));
            }
        }
        System.out.println("INFO java four N=" + n);
    }
}
