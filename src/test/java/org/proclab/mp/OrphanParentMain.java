package org.proclab.mp;

/**
 * A middle JVM for {@code ProcessTest}: starts a child Process that sleeps for a minute, prints
 * {@code CHILD_PID <pid>}, then sleeps itself until the test kills it with SIGKILL.
 */
public final class OrphanParentMain {
    private OrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        Process child = new Process(() -> Thread.sleep(60_000)).start();
        System.out.println("CHILD_PID " + child.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
