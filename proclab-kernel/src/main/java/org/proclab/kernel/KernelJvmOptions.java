package org.proclab.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of every JVM that runs the kernel or the course: the kernelspec's {@code argv}, the
 * class archive's training, {@code ./proclab kernel}, {@code run} and {@code check} (which ask
 * {@code java -jar proclab.jar jvm-options} for them) and the kernels of the JUnit tests. This is the
 * only list of them, so a flag added here reaches every kernel JVM.
 *
 * <ul>
 *   <li>{@code -XX:+UseSerialGC}: mostly idle kernels on a shared classroom server use less memory
 *       with small, quick collections than with G1's regions and threads (decision 004).</li>
 *   <li>{@code -XX:+UseCountedLoopSafepoints -XX:LoopStripMiningIter=1000}: with the serial collector
 *       the JIT drops safepoint checks from counted loops, and a cell busy in {@code for (int i = ...)}
 *       loops froze every thread of the kernel, the stop button included (decision 017).</li>
 *   <li>{@code -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}: a small heap that grows and
 *       shrinks in small steps, and {@code -XX:TrimNativeHeapInterval=5000} where the JVM has it
 *       (17.0.9+, 21+): freed native memory goes back to the system every 5 s (decision 004).</li>
 *   <li>no display, UTF-8.</li>
 * </ul>
 */
public final class KernelJvmOptions {
    static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=5000";

    private KernelJvmOptions() {
    }

    /** The options for the java running this code. */
    public static List<String> forThisJava() throws IOException, InterruptedException {
        return forJava(thisJava());
    }

    /** The options for the given {@code java} executable, which is asked whether it has the optional ones. */
    public static List<String> forJava(Path java) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC",
                "-XX:+UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=1000",
                "-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        if (accepts(java, NATIVE_TRIM)) {
            options.add(NATIVE_TRIM);
        }
        options.addAll(List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
        return List.copyOf(options);
    }

    /** The {@code java} executable of the JVM running this code. */
    public static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Whether {@code java OPTION -version} starts: an option the JVM does not know makes it exit with 1. */
    static boolean accepts(Path java, String option) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(java.toString(), option, "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return probe.waitFor() == 0;
    }
}
