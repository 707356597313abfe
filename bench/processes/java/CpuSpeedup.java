import java.util.Collections;
import java.util.List;
import org.proclab.mp.Pool;

/**
 * CPU-bound work: ITEMS items, each counting the primes below N by trial division, serially in
 * this JVM and over an already-open Pool(2). Each is run WARMUP times untimed, then REPS times;
 * prints "RESULT java cpu.serial SECONDS" and "RESULT java cpu.pool2 SECONDS" per timed run.
 *
 * <p>Arguments: WARMUP REPS N ITEMS (default 1 3 600000 16).
 */
public final class CpuSpeedup {
    static int countPrimes(int n) {
        int count = 0;
        for (int candidate = 2; candidate < n; candidate++) {
            boolean prime = true;
            for (int d = 2; d * d <= candidate; d++) {
                if (candidate % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        Bench.setup();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 600_000;
        int itemCount = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        List<Integer> items = Collections.nCopies(itemCount, n);
        try (Pool pool = new Pool(2)) {
            for (int i = 0; i < warmup + reps; i++) {
                long t0 = System.nanoTime();
                long serial = 0;
                for (int item : items) {
                    serial += countPrimes(item);
                }
                long t1 = System.nanoTime();
                List<Integer> counts = pool.map(x -> countPrimes(x), items);
                long t2 = System.nanoTime();
                long parallel = counts.stream().mapToLong(Integer::longValue).sum();
                if (serial != parallel) {
                    throw new IllegalStateException(serial + " != " + parallel);
                }
                if (i >= warmup) {
                    System.out.println("RESULT java cpu.serial " + (t1 - t0) / 1e9);
                    System.out.println("RESULT java cpu.pool2 " + (t2 - t1) / 1e9);
                }
            }
        }
        System.out.println("INFO java cpu N=" + n + " items=" + itemCount);
    }
}
