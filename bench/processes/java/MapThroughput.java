import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.Pool;

/**
 * Steady-state map of a tiny function (x * 2) on an already-open Pool(2): 200,000 ints with the
 * default chunksize (Python's formula: 25,000 here), and 20,000 ints with chunksize 1. The workers
 * and the parent are JVMs whose JIT keeps improving the map for about a second of maps (some 50
 * maps of 200k on 2 cores), so the 200k map is first run untimed for WARMUP_SECONDS (the first and
 * the tenth of those are reported as "map200k.first" and "map200k.tenth", the warm-up curve), then
 * REPS times: "RESULT java map200k SECONDS"; then the chunksize-1 map WARMUP_C1 + REPS_C1 times:
 * "RESULT java map20k.c1 SECONDS" (the first of them, cold, as "map20k.c1.first"). Tasks per
 * second = items / seconds. bench_processes.py follows the same rules.
 *
 * <p>Arguments: WARMUP_SECONDS REPS WARMUP_C1 REPS_C1 (default 3 5 4 3).
 */
public final class MapThroughput {
    public static void main(String[] args) throws Exception {
        Bench.setup();
        double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmupC1 = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int repsC1 = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Integer> big = range(200_000);
        List<Integer> small = range(20_000);
        try (Pool pool = new Pool(2)) {
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            int maps = 0;
            do {
                double seconds = timedMap(pool, big);
                maps++;
                if (maps == 1) {
                    System.out.println("RESULT java map200k.first " + seconds);
                } else if (maps == 10) {
                    System.out.println("RESULT java map200k.tenth " + seconds);
                }
            } while (System.nanoTime() < warmupEnd);
            for (int i = 0; i < reps; i++) {
                System.out.println("RESULT java map200k " + timedMap(pool, big));
            }
            for (int i = 0; i < warmupC1 + repsC1; i++) {
                long t0 = System.nanoTime();
                List<Integer> doubled = pool.map(x -> x * 2, small, 1);
                long t1 = System.nanoTime();
                check(doubled, small.size());
                if (i == 0) {
                    System.out.println("RESULT java map20k.c1.first " + (t1 - t0) / 1e9);
                }
                if (i >= warmupC1) {
                    System.out.println("RESULT java map20k.c1 " + (t1 - t0) / 1e9);
                }
            }
        }
    }

    static double timedMap(Pool pool, List<Integer> items) throws InterruptedException {
        long t0 = System.nanoTime();
        List<Integer> doubled = pool.map(x -> x * 2, items);
        long t1 = System.nanoTime();
        check(doubled, items.size());
        return (t1 - t0) / 1e9;
    }

    static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    static void check(List<Integer> doubled, int n) {
        if (doubled.size() != n || doubled.get(n - 1) != 2 * (n - 1)) {
            throw new IllegalStateException("wrong result");
        }
    }
}
