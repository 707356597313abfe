package org.proclab.mp;

import java.util.List;

/**
 * Process and Pool used from an ordinary Java program, outside any notebook: the children are
 * started with this program's class path, so they find the lambdas' classes there.
 *
 * <pre>
 * java -cp target/classes:target/test-classes org.proclab.mp.PlainJavaExample
 * </pre>
 */
public final class PlainJavaExample {
    private PlainJavaExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        Process messaging = new Process(() -> System.out.println("messaging process running"));
        messaging.start();
        messaging.join();
        System.out.println("messaging process finished");
        System.out.println("exit code " + messaging.exitCode());

        try (Pool pool = new Pool(4)) {
            List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
            System.out.println("squares " + squares);
        }
    }
}
