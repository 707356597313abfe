import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * Cost of JShell's eval("1+1") as a session grows, in-process (no kernel, no network).
 *
 * <p>Each expression leaves a temporary variable $N, and JShell wraps every later snippet with one
 * static import per live declaration, so with "keep" (what ProcLab does) every eval compiles a
 * longer import list; "drop" drops the $N after each eval. Prints p50/p10/min per 100 evals.
 *
 * <pre>java -XX:+UseSerialGC Trend.java BATCHES keep|drop [noimports]</pre>
 */
public class Trend {
    public static void main(String[] a) throws Exception {
        int batches = Integer.parseInt(a[0]);
        boolean drop = a.length > 1 && a[1].equals("drop");
        boolean imports = a.length < 3 || !a[2].equals("noimports");
        JShell js = JShell.builder().executionEngine("local").build();
        if (imports) {   // the imports ProcLab (and jshell's default start-up) run first
            for (String imp : List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
                    "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
                    "java.time.*")) {
                js.eval("import " + imp + ";");
            }
        }
        int batch = 100;
        for (int b = 0; b < batches; b++) {
            long[] ns = new long[batch];
            for (int i = 0; i < batch; i++) {
                long s = System.nanoTime();
                List<SnippetEvent> ev = js.eval("1+1");
                ns[i] = System.nanoTime() - s;
                if (drop) {
                    js.drop(ev.get(0).snippet());
                }
            }
            Arrays.sort(ns);
            System.out.printf("%s%s evals %4d-%4d: p50 %6.2f ms  p10 %6.2f ms  min %6.2f ms%n",
                    drop ? "drop" : "keep", imports ? "" : " noimports", b * batch + 1, (b + 1) * batch,
                    ns[batch / 2] / 1e6, ns[batch / 10] / 1e6, ns[0] / 1e6);
        }
        System.exit(0);
    }
}
