import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.Pool;

/**
 * Steady-state map of a tiny function (x * 2) on an already-open Pool(2): 200,000 ints with the
 * default chunksize (Python's formula: 25,000 here), and 20,000 ints with chunksize 1. The workers
 * are fresh JVMs whose JIT needs several maps to warm up, so the 200k map is run WARMUP times
 * untimed (the first of them is reported as "map200k.first", the cold figure), then REPS times:
 * "RESULT java map200k SECONDS"; then the chunksize-1 map WARMUP_C1 + REPS_C1 times:
 * "RESULT java map20k.c1 SECONDS" (the first of them, cold, as "map20k.c1.first"). Tasks per
 * second = items / seconds.
 *
 * <p>Arguments: WARMUP REPS WARMUP_C1 REPS_C1 (default 8 5 4 3).
 */
public final class MapThroughput {
    public static void main(String[] args) throws Exception {
        Bench.setup();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmupC1 = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int repsC1 = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Integer> big = range(200_000);
        List<Integer> small = range(20_000);
        try (Pool pool = new Pool(2)) {
            for (int i = 0; i < warmup + reps; i++) {
                long t0 = System.nanoTime();
                List<Integer> doubled = pool.map(x -> x * 2, big);
                long t1 = System.nanoTime();
                check(doubled, big.size());
                if (i == 0) {
                    System.out.println("RESULT java map200k.first " + (t1 - t0) / 1e9);
                }
                if (i >= warmup) {
                    System.out.println("RESULT java map200k " + (t1 - t0) / 1e9);
                }
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
