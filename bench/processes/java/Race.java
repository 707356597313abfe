import org.proclab.mp.Array;
import org.proclab.mp.Process;
import org.proclab.mp.Task;
import org.proclab.mp.Value;

/**
 * The race lesson: two processes each add 1 to a shared int 100,000 times. Unlocked, as
 * {@code v.set(v.get() + 1)} (read, then write: two steps), updates are lost when the two run at
 * the same time; with {@code getAndAdd(1)} (one atomic step) none are. Per round prints
 * "RESULT java race.lost COUNT" and "RESULT java race.atomic.lost COUNT" (200,000 minus the final
 * value), and "RESULT java race.overlap 0|1": whether the two unlocked children were running their
 * loops at the same moment at all (a race needs that; each notes its loop's start and end).
 *
 * <p>Arguments: ROUNDS INCREMENTS (default 10 100000).
 */
public final class Race {
    public static void main(String[] args) throws Exception {
        Bench.setup();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int increments = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        for (int round = 0; round < rounds; round++) {
            Value.OfInt counter = Value.ofInt(0);
            Array.OfDouble intervals = Array.ofDouble(4);
            Bench.beforeRun();
            startAndJoin(unlocked(counter, increments, intervals, 0), unlocked(counter, increments, intervals, 2));
            System.out.println("RESULT java race.lost " + (2 * increments - counter.get()));
            System.out.println("RESULT java race.overlap " + Bench.overlappingPairs(intervals.toArray()));

            Value.OfInt atomic = Value.ofInt(0);
            Bench.beforeRun();
            startAndJoin(atomic(atomic, increments), atomic(atomic, increments));
            System.out.println("RESULT java race.atomic.lost " + (2 * increments - atomic.get()));
        }
    }

    /** Unlocked increments; notes the loop's start and end in {@code intervals[slot]} and {@code [slot + 1]}. */
    private static Task unlocked(Value.OfInt counter, int increments, Array.OfDouble intervals, int slot) {
        return () -> {
            intervals.set(slot, Bench.epochSeconds());
            for (int i = 0; i < increments; i++) {
                counter.set(counter.get() + 1);
            }
            intervals.set(slot + 1, Bench.epochSeconds());
        };
    }

    private static Task atomic(Value.OfInt counter, int increments) {
        return () -> {
            for (int i = 0; i < increments; i++) {
                counter.getAndAdd(1);
            }
        };
    }

    /** Starts the two one after the other, as a loop in a cell does, and joins both. */
    private static void startAndJoin(Task first, Task second) throws InterruptedException {
        Process[] processes = {new Process(first), new Process(second)};
        for (Process p : processes) {
            p.start();
        }
        for (Process p : processes) {
            p.join();
            if (p.exitCode() != 0) {
                throw new IllegalStateException(p.name() + " exited with " + p.exitCode());
            }
        }
    }
}
