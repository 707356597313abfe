import org.proclab.mp.Process;
import org.proclab.mp.Value;

/**
 * How soon the parent sees a child's end: from the child's {@code System.exit(3)} call until
 * {@code join()} returns in the parent ("RESULT java exit.code SECONDS"; the child notes the time of
 * its call, in epoch seconds, in a shared Value), and from the parent's {@code terminate()} of a
 * child that sleeps until {@code join()} returns ("RESULT java exit.terminate SECONDS"; the child
 * first says, through a shared Value, that its task is running, so the signal meets the task and
 * not a JVM still starting).
 *
 * <p>Arguments: WARMUP REPS (default 1 3).
 */
public final class ExitSeen {
    public static void main(String[] args) throws Exception {
        Bench.setup();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int i = 0; i < warmup + reps; i++) {
            double exitToJoin = exitToJoin();
            double terminateToJoin = terminateToJoin();
            if (i >= warmup) {
                System.out.println("RESULT java exit.code " + exitToJoin);
                System.out.println("RESULT java exit.terminate " + terminateToJoin);
            }
        }
    }

    private static double exitToJoin() throws InterruptedException {
        Value.OfDouble exitCalled = Value.ofDouble(0);
        Process p = new Process(() -> {
            exitCalled.set(Bench.epochSeconds());
            System.exit(3);
        });
        p.start();
        p.join();
        double joined = Bench.epochSeconds();
        if (p.exitCode() != 3) {
            throw new IllegalStateException(p.name() + " exited with " + p.exitCode() + ", not 3");
        }
        return joined - exitCalled.get();
    }

    private static double terminateToJoin() throws InterruptedException {
        Value.OfInt running = Value.ofInt(0);
        Process p = new Process(() -> {
            running.set(1);
            Thread.sleep(60_000);
        });
        p.start();
        while (running.get() == 0) {
            Thread.sleep(1);
        }
        long t0 = System.nanoTime();
        p.terminate();
        p.join();
        long elapsed = System.nanoTime() - t0;
        if (p.exitCode() != -15) {
            throw new IllegalStateException(p.name() + " exited with " + p.exitCode() + ", not -15");
        }
        return elapsed / 1e9;
    }
}
