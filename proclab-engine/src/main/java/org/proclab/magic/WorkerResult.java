package org.proclab.magic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.proclab.mp.Process;

/**
 * One item of a {@code %%pool} map: the item, its result, and the worker that computed it. Public
 * because the Java that {@code %%pool} writes (and shows with {@code --show-java}) uses it.
 *
 * @param worker the name of the process that computed it, e.g. {@code SpawnPoolWorker-2}
 */
public record WorkerResult(String worker, Object item, Object value) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many items of one worker the breakdown names before it only counts the rest. */
    private static final int ITEMS_NAMED = 12;

    /** Computes {@code value} for {@code item} in this process and records who did it. */
    public static <R> WorkerResult of(Object item, Callable<R> value) throws Exception {
        return new WorkerResult(Process.current().name(), item, value.call());
    }

    /** The results alone, in input order. */
    public static List<Object> valuesOf(List<WorkerResult> results) {
        List<Object> values = new ArrayList<>();
        results.forEach(result -> values.add(result.value()));
        return values;
    }

    /** Prints which worker computed which items, one line per worker. */
    public static void printBreakdown(List<WorkerResult> results) {
        Map<String, List<Object>> byWorker = new LinkedHashMap<>();
        for (WorkerResult result : results) {
            byWorker.computeIfAbsent(result.worker(), worker -> new ArrayList<>()).add(result.item());
        }
        byWorker.forEach((worker, items) -> {
            String named = items.stream().limit(ITEMS_NAMED).map(String::valueOf).collect(Collectors.joining(", "));
            String more = items.size() > ITEMS_NAMED ? ", … (" + items.size() + " items)" : "";
            System.out.println(worker + ": " + named + more);
        });
    }
}
