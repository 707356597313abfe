import org.proclab.mp.Pipe;
import org.proclab.mp.Process;

/**
 * Pipe throughput for large byte blobs: a child sends N blobs of 1 MiB with {@code sendBytes}, the
 * parent receives them with {@code recvBytes}, timed from the go until the parent has the last one.
 * Prints "RESULT java pipe.mib SECONDS N" (MiB per second = N / SECONDS). Compiled by run.sh only
 * when the jar has {@code org.proclab.mp.Pipe}.
 *
 * <p>Arguments: WARMUP REPS N (default 1 3 300).
 */
public final class PipeBlobs {
    private static final int MIB = 1 << 20;

    public static void main(String[] args) throws Exception {
        Runs.measure(args, "pipe.mib", 300, PipeBlobs::run);
    }

    private static Runs.Timed run(int n) throws Exception {
        var pipe = Pipe.open();
        var receiving = pipe.first();
        var sending = pipe.second();
        StartLine line = new StartLine();
        Process child = new Process(() -> {
            byte[] blob = new byte[MIB];
            line.arriveAndWait();
            for (int i = 0; i < n; i++) {
                sending.sendBytes(blob);
            }
        }).start();
        long t0 = line.goWhenReady(1);
        long received = 0;
        for (int i = 0; i < n; i++) {
            received += receiving.recvBytes().length;
        }
        long t1 = System.nanoTime();
        child.join();
        Runs.check(child.exitCode() == 0, "exit code " + child.exitCode());
        Runs.check(received == (long) n * MIB, received + " bytes");
        return new Runs.Timed(t1 - t0, n);
    }
}
