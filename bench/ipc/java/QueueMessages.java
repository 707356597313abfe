import org.proclab.mp.Process;
import org.proclab.mp.Queue;

/**
 * Queue messages between a child and its parent: the child puts the small ints 0..N-1 on a Queue,
 * the parent gets them, timed from the go until the parent has the last one.
 * Prints "RESULT java queue.ints SECONDS N". Compiled by run.sh only when the jar has
 * {@code org.proclab.mp.Queue}.
 *
 * <p>Arguments: WARMUP REPS N (default 1 3 100000).
 */
public final class QueueMessages {
    public static void main(String[] args) throws Exception {
        Runs.measure(args, "queue.ints", 100_000, QueueMessages::run);
    }

    private static Runs.Timed run(int n) throws Exception {
        Queue<Integer> queue = new Queue<>();
        StartLine line = new StartLine();
        Process child = new Process(() -> {
            line.arriveAndWait();
            for (int i = 0; i < n; i++) {
                queue.put(i);
            }
        }).start();
        long t0 = line.goWhenReady(1);
        long total = 0;
        for (int i = 0; i < n; i++) {
            Integer received = queue.get();
            total += received;
        }
        long t1 = System.nanoTime();
        child.join();
        Runs.check(child.exitCode() == 0, "exit code " + child.exitCode());
        Runs.check(total == (long) n * (n - 1) / 2, "sum " + total);
        return new Runs.Timed(t1 - t0, n);
    }
}
