/**
 * Runs one measurement WARMUP times untimed, then REPS times, each with fresh child processes, and
 * prints "RESULT java METRIC SECONDS ITEMS" per timed run (the rate is ITEMS / SECONDS).
 * Arguments of every program: WARMUP REPS N (default 1 3 and the program's N).
 */
final class Runs {
    private Runs() {
    }

    /** One timed run: how long the messaging took and how many items it moved. */
    record Timed(long nanos, long items) {
    }

    /** The measurement, given N. */
    @FunctionalInterface
    interface Measurement {
        Timed run(int n) throws Exception;
    }

    static void measure(String[] args, String metric, int defaultN, Measurement measurement) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : defaultN;
        for (int i = 0; i < warmup + reps; i++) {
            Timed timed = measurement.run(n);
            if (i >= warmup) {
                System.out.println("RESULT java " + metric + " " + timed.nanos() / 1e9 + " " + timed.items());
            }
        }
    }

    /** Fails the run if a child failed or the parent received something else than was sent. */
    static void check(boolean correct, String what) {
        if (!correct) {
            throw new IllegalStateException("wrong result: " + what);
        }
    }
}
