package org.proclab.mp;

/**
 * A middle JVM for {@code ProcessTest}: starts a child Process that sleeps for a minute, prints
 * {@code CHILD_PID <pid>}, then sleeps itself until the test kills it with SIGKILL.
 *
 * <p>With the argument {@code in-shutdown-hook}, the child's task instead registers a shutdown hook
 * and returns, so the child spends that minute in the hook, its pipes to this JVM already closed.
 * The hook first prints {@code IN_SHUTDOWN_HOOK}, which reaches this JVM's stdout through the
 * child's output pump.
 */
public final class OrphanParentMain {
    static final String IN_SHUTDOWN_HOOK = "in-shutdown-hook";

    private OrphanParentMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean inHook = args.length > 0 && args[0].equals(IN_SHUTDOWN_HOOK);
        Process child = new Process(inHook ? OrphanParentMain::leaveALongShutdownHook : () -> Thread.sleep(60_000)).start();
        System.out.println("CHILD_PID " + child.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }

    private static void leaveALongShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("IN_SHUTDOWN_HOOK");
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }
}
