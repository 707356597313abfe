import org.proclab.mp.Process;

/**
 * Seed Q3: start + join of a process that prints one line, from an already-warm parent.
 * Prints one "RESULT java q3 SECONDS" line per timed start.
 *
 * <p>Arguments: WARMUP REPS (default 2 10).
 */
public final class StartJoin {
    public static void main(String[] args) throws Exception {
        Bench.setup();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        for (int i = 0; i < warmup + reps; i++) {
            Bench.beforeRun();
            long t0 = System.nanoTime();
            Process p = new Process(() -> System.out.println("messaging process running"));
            p.start();
            p.join();
            long elapsed = System.nanoTime() - t0;
            if (p.exitCode() != 0) {
                throw new IllegalStateException("child exited with " + p.exitCode());
            }
            if (i >= warmup) {
                System.out.println("RESULT java q3 " + elapsed / 1e9);
            }
        }
    }
}
