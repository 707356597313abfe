import org.proclab.mp.Process;
import org.proclab.mp.StartMethod;
import org.proclab.mp.spawn.SpawnConfig;

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
            SpawnConfig.javaCommand(java);
        }
        if (warm()) {
            Process.setStartMethod(StartMethod.WARM);
        }
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
}
