import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor under any design that gives each process a JVM of its own: a hello-world JVM started
 * and waited for, alone (under Q3) and four at once (under Q4's four workers). It uses the
 * parent's java with the fastest plain options ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1
 * -XX:-UsePerfData}, the JDK's own class-data archive) and a class path of one small jar, so it is
 * what a JVM costs before ProcLab does anything; for the lone one it also times the exit, from its
 * line arriving until the parent sees it gone (the floor under a warm start's end). {@code
 * bench_processes.py floor} measures the same with python3. Prints "RESULT java floor.one SECONDS",
 * "RESULT java floor.exit SECONDS" and "RESULT java floor.four SECONDS".
 *
 * <p>Arguments: WARMUP REPS (default 2 5). With the single argument {@code hello} it is the child:
 * it prints one line and ends.
 */
public final class InterpreterFloor {
    private static final int TOGETHER = 4;

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("hello")) {
            System.out.println("messaging process running");
            return;
        }
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ProcessBuilder hello = new ProcessBuilder(helloCommand()).redirectErrorStream(true);
        for (int i = 0; i < warmup + reps; i++) {
            long[] one = timeOne(hello);
            long four = timeTogether(hello.redirectOutput(ProcessBuilder.Redirect.DISCARD), TOGETHER);
            hello.redirectOutput(ProcessBuilder.Redirect.PIPE);
            if (i >= warmup) {
                System.out.println("RESULT java floor.one " + one[0] / 1e9);
                System.out.println("RESULT java floor.exit " + one[1] / 1e9);
                System.out.println("RESULT java floor.four " + four / 1e9);
            }
        }
    }

    /** Starts one hello JVM and waits for it: nanoseconds in all, and from its line to its end. */
    private static long[] timeOne(ProcessBuilder hello) throws Exception {
        long t0 = System.nanoTime();
        java.lang.Process p = hello.start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        long printed = System.nanoTime();
        if (p.waitFor() != 0 || line == null) {
            throw new IllegalStateException("the hello-world JVM printed " + line + " and exited with " + p.exitValue());
        }
        long end = System.nanoTime();
        return new long[] {end - t0, end - printed};
    }

    private static List<String> helloCommand() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(InterpreterFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", jar, InterpreterFloor.class.getName(), "hello");
    }

    /** Starts {@code count} copies of the hello JVM, waits for all of them; nanoseconds taken. */
    private static long timeTogether(ProcessBuilder hello, int count) throws Exception {
        long t0 = System.nanoTime();
        List<java.lang.Process> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(hello.start());
        }
        for (java.lang.Process p : started) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("the hello-world JVM exited with " + p.exitValue());
            }
        }
        return System.nanoTime() - t0;
    }
}
