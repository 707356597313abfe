import java.util.List;
import org.proclab.mp.Pool;

/**
 * Seed Q4 whole: create Pool(4), map a squaring function over 1..10, leave the try block
 * (ProcLab's close(): the workers finish and exit). Prints per run "RESULT java q4 SECONDS" and
 * the three phases: q4.start (constructor returned), q4.map, q4.close.
 *
 * <p>Arguments: WARMUP REPS [PROCESSES] (default 1 5 4).
 */
public final class PoolWhole {
    static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) throws Exception {
        Bench.setup();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int processes = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Integer> expected = List.of(1, 4, 9, 16, 25, 36, 49, 64, 81, 100);
        for (int i = 0; i < warmup + reps; i++) {
            Bench.beforeRun();
            long t0 = System.nanoTime();
            long t1;
            long t2;
            try (Pool pool = new Pool(processes)) {
                t1 = System.nanoTime();
                List<Integer> squares = pool.map(x -> square(x), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
                t2 = System.nanoTime();
                if (!squares.equals(expected)) {
                    throw new IllegalStateException("wrong result " + squares);
                }
            }
            long t3 = System.nanoTime();
            if (i >= warmup) {
                String tag = processes == 4 ? "q4" : "q4.pool" + processes;
                System.out.println("RESULT java " + tag + " " + (t3 - t0) / 1e9);
                System.out.println("RESULT java " + tag + ".start " + (t1 - t0) / 1e9);
                System.out.println("RESULT java " + tag + ".map " + (t2 - t1) / 1e9);
                System.out.println("RESULT java " + tag + ".close " + (t3 - t2) / 1e9);
            }
        }
    }
}
