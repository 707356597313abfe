import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.proclab.mp.Pool;
import org.proclab.mp.SerializableFunction;
import org.proclab.mp.spawn.ChildJob;
import org.proclab.mp.spawn.Serialization;

/**
 * Where the time of a steady-state pool map of x * 2 goes, part by part (investigation (b)).
 *
 * <pre>
 * MapParts warm                 every part in this (warm) JVM, median of the last 20 of 40 runs
 * MapParts write-job FILE N     writes a serialized chunk of N Integers (for cold-child)
 * MapParts cold-child FILE      what a fresh worker does with its first chunk: read, run, write result
 *                               (-Dlaunched=EPOCH_MS: also the time from launch to main)
 * MapParts pool                 end to end on a real Pool(1)/Pool(2)
 * </pre>
 *
 * <p>A chunk is a record (function, list of items) implementing ChildJob, the shape of ProcLab's
 * PoolJobs.MapChunk at the measured version, serialized with ProcLab's Serialization.
 */
public final class MapParts {
    /** The shape of PoolJobs.MapChunk: the function and the items, sent together for every chunk. */
    record Chunk(SerializableFunction<Integer, Integer> function, List<Integer> items) implements ChildJob {
        @Override
        public Object run() throws Exception {
            List<Integer> results = new ArrayList<>(items.size());
            for (Integer item : items) {
                results.add(function.apply(item));
            }
            return results;
        }
    }

    interface Step {
        Object run() throws Exception;
    }

    static double medianMillis(int runs, int keep, Step step) throws Exception {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            step.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] kept = Arrays.copyOfRange(times, runs - keep, runs);
        Arrays.sort(kept);
        return kept[keep / 2];
    }

    static void print(String what, double millis) {
        System.out.printf("PART %-58s %9.3f ms%n", what, millis);
    }

    static List<Integer> range(int from, int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(from + i);
        }
        return list;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "warm" -> warm();
            case "write-job" -> Files.write(Path.of(args[1]),
                    Serialization.toBytes(new Chunk(x -> x * 2, range(100_000, Integer.parseInt(args[2]))), "job"));
            case "cold-child" -> coldChild(Path.of(args[1]));
            case "pool" -> pool();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A fresh JVM's first chunk, as a new worker sees it (times since JVM start via ProcessHandle). */
    static void coldChild(Path file) throws Exception {
        long launched = Long.getLong("launched", 0);  // epoch ms just before the JVM was started
        long inMain = System.currentTimeMillis();
        byte[] job = Files.readAllBytes(file);
        long t0 = System.nanoTime();
        ChildJob chunk = (ChildJob) Serialization.fromBytes(job, MapParts.class.getClassLoader());
        long t1 = System.nanoTime();
        Object result = chunk.run();
        long t2 = System.nanoTime();
        byte[] bytes = Serialization.toBytes(result, "result");
        long t3 = System.nanoTime();
        ChildJob second = (ChildJob) Serialization.fromBytes(job, MapParts.class.getClassLoader());
        long t4 = System.nanoTime();
        Serialization.toBytes(second.run(), "result");
        long t5 = System.nanoTime();
        System.out.printf("COLD launch-to-main %d deserialize %.3f run %.3f serialize-result %.3f second-deserialize %.3f second-run+serialize %.3f bytes %d%n",
                launched == 0 ? -1 : inMain - launched, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, bytes.length);
    }

    static void warm() throws Exception {
        int n = 25_000;
        List<Integer> items = range(100_000, n);
        SerializableFunction<Integer, Integer> doubler = x -> x * 2;
        Chunk chunk = new Chunk(doubler, items);
        ClassLoader loader = MapParts.class.getClassLoader();
        byte[] job = Serialization.toBytes(chunk, "job");
        List<?> results = (List<?>) chunk.run();
        byte[] result = Serialization.toBytes(results, "result");
        System.out.printf("INFO chunk of %d Integers: job %d bytes, result %d bytes; function alone %d bytes%n",
                n, job.length, result.length, Serialization.toBytes(doubler, "f").length);

        System.out.println("-- Java serialization as ProcLab uses it (new ObjectOutputStream per message)");
        print("parent: serialize chunk (function + 25,000 Integers)", medianMillis(40, 20, () -> Serialization.toBytes(chunk, "job")));
        print("child: deserialize chunk", medianMillis(40, 20, () -> Serialization.fromBytes(job, loader)));
        print("child: run x * 2 over 25,000", medianMillis(40, 20, chunk::run));
        print("child: serialize result list", medianMillis(40, 20, () -> Serialization.toBytes(results, "result")));
        print("parent: deserialize result list", medianMillis(40, 20, () -> Serialization.fromBytes(result, loader)));

        System.out.println("-- alternatives for the same 25,000 numbers");
        print("int[] via ObjectOutputStream: pack + write", medianMillis(40, 20, () -> Serialization.toBytes(toArray(items), "a")));
        byte[] packed = Serialization.toBytes(toArray(items), "a");
        print("int[] via ObjectInputStream: read + unpack to List", medianMillis(40, 20, () -> fromArray((int[]) Serialization.fromBytes(packed, loader))));
        print("DataOutputStream ints: write", medianMillis(40, 20, () -> writeInts(items)));
        byte[] raw = writeInts(items);
        print("DataInputStream ints: read to List", medianMillis(40, 20, () -> readInts(raw)));
        ByteArrayOutputStream reusedBytes = new ByteArrayOutputStream(1 << 20);
        ObjectOutputStream reused = new ObjectOutputStream(reusedBytes);
        print("reused ObjectOutputStream (reset per message): chunk", medianMillis(40, 20, () -> {
            reusedBytes.reset();
            reused.reset();
            reused.writeObject(chunk);
            reused.flush();
            return reusedBytes.size();
        }));

        System.out.println("-- per task at chunksize 1 (20,000 tasks)");
        Chunk one = new Chunk(doubler, new ArrayList<>(List.of(12_345)));
        byte[] oneJob = Serialization.toBytes(one, "job");
        byte[] oneResult = Serialization.toBytes(one.run(), "r");
        System.out.printf("INFO chunk of 1: job %d bytes, result %d bytes%n", oneJob.length, oneResult.length);
        print("parent: serialize a chunk of 1 (x 1000)", medianMillis(30, 15, () -> {
            for (int i = 0; i < 1000; i++) {
                Serialization.toBytes(new Chunk(doubler, new ArrayList<>(List.of(i))), "job");
            }
            return null;
        }) / 1000 * 1000);
        print("child: deserialize a chunk of 1 (x 1000)", medianMillis(30, 15, () -> {
            for (int i = 0; i < 1000; i++) {
                Serialization.fromBytes(oneJob, loader);
            }
            return null;
        }) / 1000 * 1000);
        print("child: serialize a 1-element result (x 1000)", medianMillis(30, 15, () -> {
            for (int i = 0; i < 1000; i++) {
                Serialization.toBytes(new ArrayList<>(List.of(i)), "r");
            }
            return null;
        }) / 1000 * 1000);
        print("parent: deserialize a 1-element result (x 1000)", medianMillis(30, 15, () -> {
            for (int i = 0; i < 1000; i++) {
                Serialization.fromBytes(oneResult, loader);
            }
            return null;
        }) / 1000 * 1000);
        print("serialize the function alone (x 1000)", medianMillis(30, 15, () -> {
            for (int i = 0; i < 1000; i++) {
                Serialization.toBytes(doubler, "f");
            }
            return null;
        }) / 1000 * 1000);
        print("deserialize the function alone (x 1000)", medianMillis(30, 15, () -> {
            byte[] f = Serialization.toBytes(doubler, "f");
            for (int i = 0; i < 1000; i++) {
                Serialization.fromBytes(f, loader);
            }
            return null;
        }) / 1000 * 1000);

    }

    static void pool() throws Exception {
        List<Integer> chunkItems = range(100_000, 25_000);
        List<Integer> big = range(0, 200_000);
        try (Pool pool = new Pool(1)) {
            print("Pool(1): apply(() -> 1) round trip, warm", medianMillis(400, 200, () -> pool.apply(() -> 1)));
            print("Pool(1): map x * 2 of 25,000, one chunk, warm", medianMillis(40, 20, () -> pool.map(x -> x * 2, chunkItems, 25_000)));
            print("Pool(1): map x * 2 of 200,000 (8 chunks), warm", medianMillis(16, 8, () -> pool.map(x -> x * 2, big)));
            byte[] job = Serialization.toBytes(new Chunk(x -> x * 2, chunkItems), "job");
            byte[] one = Serialization.toBytes(new Chunk(x -> x * 2, new ArrayList<>(List.of(7))), "job");
            System.out.println(pool.apply(() -> {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                ChildJob chunk = (ChildJob) Serialization.fromBytes(job, loader);
                Object result = chunk.run();
                return String.format("PART %-58s %9.3f ms%nPART %-58s %9.3f ms%nPART %-58s %9.3f ms%nPART %-58s %9.3f ms%n",
                        "in the warm worker: deserialize chunk of 25,000",
                        medianMillis(20, 10, () -> Serialization.fromBytes(job, loader)),
                        "in the warm worker: run x * 2 over 25,000", medianMillis(20, 10, chunk::run),
                        "in the warm worker: serialize result list", medianMillis(20, 10, () -> Serialization.toBytes(result, "r")),
                        "in the warm worker: deserialize a chunk of 1 (x 1000)", medianMillis(10, 5, () -> {
                            for (int i = 0; i < 1000; i++) {
                                Serialization.fromBytes(one, loader);
                            }
                            return null;
                        }));
            }).strip());
        }
        try (Pool pool = new Pool(2)) {
            print("Pool(2): map x * 2 of 200,000 (8 chunks), warm", medianMillis(16, 8, () -> pool.map(x -> x * 2, big)));
            print("Pool(2): map x * 2 of 20,000, chunksize 1, warm", medianMillis(6, 3, () -> pool.map(x -> x * 2, big.subList(0, 20_000), 1)));
        }
        List<Integer> smallList = range(0, 20_000);
        SerializableFunction<Integer, Integer> doubler = x -> x * 2;
        print("parent alone: serialize 20,000 chunks of 1 (what map(..., 1) does first)", medianMillis(10, 5, () -> {
            for (Integer x : smallList) {
                Serialization.toBytes(new Chunk(doubler, new ArrayList<>(List.of(x))), "job");
            }
            return null;
        }));
    }

    static int[] toArray(List<Integer> items) {
        int[] a = new int[items.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = items.get(i);
        }
        return a;
    }

    static List<Integer> fromArray(int[] a) {
        List<Integer> list = new ArrayList<>(a.length);
        for (int v : a) {
            list.add(v);
        }
        return list;
    }

    static byte[] writeInts(List<Integer> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * items.size() + 8);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(items.size());
        for (Integer item : items) {
            out.writeInt(item);
        }
        out.flush();
        return bytes.toByteArray();
    }

    static List<Integer> readInts(byte[] raw) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
        int n = in.readInt();
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readInt());
        }
        return list;
    }
}
