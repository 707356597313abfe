import org.proclab.mp.Process;
import org.proclab.mp.Task;
import org.proclab.mp.Value;

/**
 * Locked Value increments: two child processes each do N times
 * {@code try (var held = v.lock().hold()) { v.set(v.get() + 1); }} (Python:
 * {@code with v.get_lock(): v.value += 1}), timed from the go until both said they are done.
 * Prints "RESULT java value.locked SECONDS 2N".
 *
 * <p>Arguments: WARMUP REPS N (default 1 3 200000).
 */
public final class LockedValue {
    public static void main(String[] args) throws Exception {
        Runs.measure(args, "value.locked", 200_000, LockedValue::run);
    }

    private static Runs.Timed run(int n) throws Exception {
        Value.OfInt value = Value.ofInt(0);
        StartLine line = new StartLine();
        Task increments = () -> {
            line.arriveAndWait();
            for (int i = 0; i < n; i++) {
                try (var held = value.lock().hold()) {
                    value.set(value.get() + 1);
                }
            }
            line.finished();
        };
        Process first = new Process(increments).start();
        Process second = new Process(increments).start();
        long t0 = line.goWhenReady(2);
        long t1 = line.awaitFinished(2);
        first.join();
        second.join();
        Runs.check(first.exitCode() == 0 && second.exitCode() == 0, "exit codes " + first.exitCode() + ", " + second.exitCode());
        Runs.check(value.get() == 2 * n, value + " after 2 x " + n + " increments");
        return new Runs.Timed(t1 - t0, 2L * n);
    }
}
