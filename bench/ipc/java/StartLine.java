import java.io.Serializable;
import java.util.concurrent.locks.LockSupport;
import org.proclab.mp.Value;

/**
 * Lines up the children and the parent so that only the messaging is timed, not the start of the
 * child JVMs: each child announces itself on a shared counter and waits for the parent's go; the
 * parent gives the go once every child is there and starts the clock. bench_ipc.py does the same
 * with multiprocessing.Value, with the same pauses.
 */
final class StartLine implements Serializable {
    private static final long PAUSE_NANOS = 20_000;

    private final Value.OfInt ready = Value.ofInt(0);
    private final Value.OfInt go = Value.ofInt(0);
    private final Value.OfInt done = Value.ofInt(0);

    /** In a child: says it is ready, then waits for the go. */
    void arriveAndWait() {
        ready.getAndAdd(1);
        while (go.get() == 0) {
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /** In the parent: waits until {@code children} are ready, gives the go and returns the time of the go. */
    long goWhenReady(int children) throws InterruptedException {
        while (ready.get() < children) {
            Thread.sleep(1);
        }
        go.set(1);
        return System.nanoTime();
    }

    /** In a child: says it has done its part. */
    void finished() {
        done.getAndAdd(1);
    }

    /** In the parent: waits until {@code children} have finished and returns the time. */
    long awaitFinished(int children) {
        while (done.get() < children) {
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return System.nanoTime();
    }
}
