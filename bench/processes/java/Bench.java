import java.time.Instant;
import org.proclab.mp.MpContext;
import org.proclab.mp.Process;
import org.proclab.mp.StartMethod;

/** Set-up shared by the benchmark programs. */
final class Bench {
    private Bench() {
    }

    /**
     * {@code -Dbench.child.java=FILE} starts the children with FILE instead of the parent's own
     * java (run.sh uses it for a wrapper that changes the children's JVM options).
     */
    static void setup() {
        String java = System.getProperty("bench.child.java");
        if (java != null) {
            MpContext.defaultContext().configure(settings -> settings.withJavaCommand(java));
        }
        Process.setStartMethod(warm() ? StartMethod.WARM : StartMethod.SPAWN);
    }

    /** {@code -Dbench.start=warm}: processes and pools start from the reservoir of waiting JVMs. */
    static boolean warm() {
        return "warm".equals(System.getProperty("bench.start"));
    }

    /**
     * Before each timed start with the WARM method, waits until the reservoir has refilled (it starts
     * replacements 500 ms after the last JVM was taken): the measurement is a start from a ready
     * reservoir, as Python's forkserver is measured with its server running.
     */
    static void beforeRun() throws InterruptedException {
        if (warm()) {
            Thread.sleep(2_500);
        }
    }

    /**
     * Wall-clock time in seconds since the epoch, to the microsecond: unlike {@code System.nanoTime()},
     * which has an arbitrary origin per JVM, it can be compared between a parent and its children
     * (as Python's {@code time.time()}). A double holds it to well under a microsecond.
     */
    static double epochSeconds() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    /**
     * How many pairs of the run intervals {@code [start0, end0, start1, end1, ...]} overlap, i.e. how
     * many pairs of processes were running their work at the same moment (0 to n(n-1)/2).
     */
    static int overlappingPairs(double[] intervals) {
        int pairs = 0;
        for (int a = 0; a < intervals.length; a += 2) {
            for (int b = a + 2; b < intervals.length; b += 2) {
                if (Math.max(intervals[a], intervals[b]) < Math.min(intervals[a + 1], intervals[b + 1])) {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
