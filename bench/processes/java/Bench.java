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
    }
}
