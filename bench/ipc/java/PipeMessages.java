import org.proclab.mp.Pipe;
import org.proclab.mp.Process;

/**
 * Pipe small messages, one way: a child sends the small ints 0..N-1 on its end of a Pipe, the
 * parent receives them on the other, timed from the go until the parent has the last one.
 * Prints "RESULT java pipe.ints SECONDS N". Compiled by run.sh only when the jar has
 * {@code org.proclab.mp.Pipe}.
 *
 * <p>Arguments: WARMUP REPS N (default 1 3 100000).
 */
public final class PipeMessages {
    public static void main(String[] args) throws Exception {
        Runs.measure(args, "pipe.ints", 100_000, PipeMessages::run);
    }

    private static Runs.Timed run(int n) throws Exception {
        var pipe = Pipe.open();
        var receiving = pipe.first();
        var sending = pipe.second();
        StartLine line = new StartLine();
        Process child = new Process(() -> {
            line.arriveAndWait();
            for (int i = 0; i < n; i++) {
                sending.send(i);
            }
        }).start();
        long t0 = line.goWhenReady(1);
        long total = 0;
        for (int i = 0; i < n; i++) {
            Integer received = receiving.recv();
            total += received;
        }
        long t1 = System.nanoTime();
        child.join();
        Runs.check(child.exitCode() == 0, "exit code " + child.exitCode());
        Runs.check(total == (long) n * (n - 1) / 2, "sum " + total);
        return new Runs.Timed(t1 - t0, n);
    }
}
