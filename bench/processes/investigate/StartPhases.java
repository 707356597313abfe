import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.proclab.mp.MpContext;
import org.proclab.mp.Pool;
import org.proclab.mp.Process;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.ProcessEvents;

/**
 * Where the time of starting children goes (investigations (a) and (c)), from a warm parent,
 * using ProcLab's own event log (PRINTED = its line arrived, EXITED = exit code and output are in).
 *
 * <pre>
 * StartPhases q3 WARMUP REPS         Process start + join, by phase
 * StartPhases bare WARMUP REPS       a JVM with the children's options and class path that only
 *                                    starts and exits (ChildMain without arguments), for comparison
 * StartPhases pool N WARMUP REPS     Pool(N): each worker launched, constructor, first map, close
 * </pre>
 * Prints "PHASE name median-ms min-ms" lines. With {@code -Dbench.start=warm}, q3 and pool start from
 * the reservoir of waiting JVMs, refilled before each run, as run.sh measures WARM ({@link Bench}).
 */
public final class StartPhases {
    static final List<String> NAMES = new ArrayList<>();
    static final List<List<Double>> VALUES = new ArrayList<>();

    static void record(String name, double millis) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            NAMES.add(name);
            VALUES.add(new ArrayList<>());
            i = NAMES.size() - 1;
        }
        VALUES.get(i).add(millis);
    }

    static void report() {
        for (int i = 0; i < NAMES.size(); i++) {
            double[] v = VALUES.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("PHASE %-52s %8.1f %8.1f  n=%d%n", NAMES.get(i), v[v.length / 2], v[0], v.length);
        }
    }

    static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    static long eventTime(List<ProcessEvents.Event> events, ProcessEvents.Kind kind, String process) {
        return events.stream().filter(e -> e.kind() == kind && (process == null || e.process().equals(process)))
                .mapToLong(ProcessEvents.Event::nanoTime).findFirst().orElse(-1);
    }

    public static void main(String[] args) throws Exception {
        Bench.setup();
        switch (args[0]) {
            case "q3" -> q3(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "bare" -> bare(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "pool" -> pool(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        report();
    }

    static void q3(int warmup, int reps) throws Exception {
        for (int i = 0; i < warmup + reps; i++) {
            Bench.beforeRun();
            long t0 = System.nanoTime();
            Process p = new Process(() -> System.out.println("messaging process running"));
            p.start();
            long started = System.nanoTime();
            p.join();
            long joined = System.nanoTime();
            List<ProcessEvents.Event> events = ProcessEvents.since(t0);
            long printed = eventTime(events, ProcessEvents.Kind.PRINTED, p.name());
            long exited = eventTime(events, ProcessEvents.Kind.EXITED, p.name());
            if (i >= warmup) {
                record("q3: start() called until it returned", ms(t0, started));
                record("q3: start() returned until its line arrived", ms(started, printed));
                record("q3: line arrived until exit recorded", ms(printed, exited));
                record("q3: exit recorded until join() returned", ms(exited, joined));
                record("q3: total", ms(t0, joined));
            }
        }
    }

    static void bare(int warmup, int reps) throws Exception {
        ChildSettings settings = MpContext.defaultContext().settings();
        Method options = ChildSettings.class.getDeclaredMethod("launchOptions");
        options.setAccessible(true);
        Method classPath = ChildSettings.class.getDeclaredMethod("joinedClassPath");
        classPath.setAccessible(true);
        Class<?> purposes = Class.forName("org.proclab.mp.spawn.ChildMain$Purpose");
        Method purposeOptions = purposes.getDeclaredMethod("jvmOptions");
        purposeOptions.setAccessible(true);
        Object work = Arrays.stream(purposes.getEnumConstants())
                .filter(purpose -> ((Enum<?>) purpose).name().equals("WORK")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(settings.javaCommand());
        @SuppressWarnings("unchecked")
        List<String> workOptions = (List<String>) purposeOptions.invoke(work);
        command.addAll(workOptions);
        @SuppressWarnings("unchecked")
        List<String> jvmOptions = (List<String>) options.invoke(settings);
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-cp", (String) classPath.invoke(settings), "org.proclab.mp.spawn.ChildMain"));
        for (int i = 0; i < warmup + reps; i++) {
            long t0 = System.nanoTime();
            java.lang.Process os = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            os.waitFor();
            if (i >= warmup) {
                record("bare JVM with the child options: start + exit", ms(t0, System.nanoTime()));
            }
        }
    }

    static void pool(int size, int warmup, int reps) throws Exception {
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (int i = 0; i < warmup + reps; i++) {
            Bench.beforeRun();
            long t0 = System.nanoTime();
            long constructed;
            long mapped;
            long secondMap;
            List<String> names = new ArrayList<>();
            try (Pool pool = new Pool(size)) {
                constructed = System.nanoTime();
                pool.workers().forEach(w -> names.add(w.name()));
                pool.map(x -> x * x, items);
                mapped = System.nanoTime();
                pool.map(x -> x * x, items);
                secondMap = System.nanoTime();
            }
            long closed = System.nanoTime();
            List<ProcessEvents.Event> events = ProcessEvents.since(t0);
            long[] launched = names.stream().mapToLong(n -> eventTime(events, ProcessEvents.Kind.STARTED, n)).sorted().toArray();
            long[] exited = names.stream().mapToLong(n -> eventTime(events, ProcessEvents.Kind.EXITED, n)).sorted().toArray();
            if (i >= warmup) {
                String p = "Pool(" + size + "): ";
                record(p + "first worker launched", ms(t0, launched[0]));
                record(p + "last worker launched", ms(t0, launched[launched.length - 1]));
                record(p + "constructor returned", ms(t0, constructed));
                record(p + "first map of 1..10 (cold workers)", ms(constructed, mapped));
                record(p + "second map of 1..10 (same lambda)", ms(mapped, secondMap));
                record(p + "close(): until first worker exit recorded", ms(secondMap, exited[0]));
                record(p + "close(): returned", ms(secondMap, closed));
                record(p + "total (incl. second map)", ms(t0, closed));
            }
        }
    }
}
