package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.awaitGone;
import static org.proclab.mp.MpTesting.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proclab.mp.MpTesting.Captured;
import org.proclab.mp.spawn.ChildProcess;

/**
 * {@link Pool} with real worker JVMs. Most tests share one {@code Pool(4)}; tests that close,
 * terminate or configure a pool make their own small one. Every lambda captures only local values.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolTest {
    private static final List<Integer> ONE_TO_TEN = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    private static final List<Integer> SQUARES = List.of(1, 4, 9, 16, 25, 36, 49, 64, 81, 100);

    private static Pool pool;
    /** Set by a pool's initializer in each worker; never in this JVM. */
    private static String setByInitializer;

    @BeforeAll
    static void startSharedPool() {
        pool = new Pool(4);
    }

    @AfterAll
    static void stopSharedPool() throws InterruptedException {
        try {
            if (pool != null) {
                pool.terminate();
                pool.join();
            }
        } finally {
            MpTesting.killLeftoverChildren();
        }
        assertTrue(ChildProcess.live().isEmpty(), "children left: " + ChildProcess.live());
    }

    /** The pids of a pool's current workers. */
    private static Set<Long> workerPids(Pool target) {
        return target.workers().stream().map(Process::pid).collect(Collectors.toSet());
    }

    // map squares 1..10 on Pool(4) and returns [1, 4, ..., 100] in input order.
    @Test
    void mapReturnsResultsInInputOrder() throws InterruptedException {
        assertEquals(4, pool.size());
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN));
    }

    // map with chunksize 1 and with chunksize 3 gives the same ordered result; chunksize 0 is refused.
    @Test
    void mapWithChunksizesGivesTheSameResult() throws InterruptedException {
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN, 1));
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN, 3));
        assertEquals(List.of(), pool.map(x -> x * x, List.<Integer>of()));
        assertThrows(IllegalArgumentException.class, () -> pool.map(x -> x * x, ONE_TO_TEN, 0));
    }

    // Workers keep the functions of recent maps and are sent the function again once they forgot it:
    // more maps than they remember, interleaved with async ones, each give their own results.
    @Test
    void manyFunctionsInTurnEachGiveTheirOwnResults() throws InterruptedException {
        for (int round = 0; round < FunctionMemory.CAPACITY + 4; round++) {
            int offset = round;
            AsyncResult<List<Integer>> pending = pool.mapAsync(x -> x + offset + 1000, ONE_TO_TEN, 1);
            List<Integer> plus = pool.map(x -> x + offset, ONE_TO_TEN, 2);
            assertEquals(ONE_TO_TEN.stream().map(x -> x + offset).toList(), plus);
            assertEquals(ONE_TO_TEN.stream().map(x -> x + offset + 1000).toList(), pending.get());
        }
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN, 1));
    }

    // The work really runs in the workers: each reports a pid other than ours, from the pool's workers.
    @Test
    void tasksRunInWorkerProcesses() throws InterruptedException {
        long pid = pool.apply(() -> ProcessHandle.current().pid());
        assertNotEquals(ProcessHandle.current().pid(), pid);
        assertTrue(workerPids(pool).contains(pid), pid + " not in " + workerPids(pool));
        assertEquals(4, pool.workers().size());
        assertTrue(pool.workers().stream().allMatch(w -> w.name().startsWith("SpawnPoolWorker-")),
                pool.workers().toString());
    }

    // forEach runs the action on every item exactly once (each child prints its item; every number is printed once).
    @Test
    void forEachRunsEachItemExactlyOnce() throws InterruptedException {
        List<Integer> items = numbers(1, 40);
        try (Captured captured = new Captured()) {
            try (Pool own = new Pool(2)) {
                own.forEach(n -> System.out.println("item " + n), items);
            }
            // the workers have exited, and a child counts as exited only once all it printed is in
            List<String> printed = captured.outLines("item ");
            Set<Integer> numbers = printed.stream().map(line -> Integer.parseInt(line.substring(5).strip()))
                    .collect(Collectors.toSet());
            assertEquals(new HashSet<>(items), numbers);
            assertEquals(items.size(), printed.size(), "some item ran more than once: " + printed);
        }
    }

    // imap yields the results in input order even when later items finish first.
    @Test
    void imapYieldsInInputOrder() throws InterruptedException {
        List<Integer> results = new ArrayList<>();
        for (int square : pool.imap((Integer x) -> {
            Thread.sleep((10 - x) * 20L);
            return x * x;
        }, ONE_TO_TEN)) {
            results.add(square);
        }
        assertEquals(SQUARES, results);
        List<Integer> chunked = new ArrayList<>();
        pool.imap((Integer x) -> x * x, ONE_TO_TEN, 4).forEach(chunked::add);
        assertEquals(SQUARES, chunked);
    }

    // imapUnordered yields the same set of results as map (in whatever order they finish).
    @Test
    void imapUnorderedYieldsTheSameSet() throws InterruptedException {
        List<Integer> results = new ArrayList<>();
        pool.imapUnordered((Integer x) -> {
            Thread.sleep((10 - x) * 20L);
            return x * x;
        }, ONE_TO_TEN).forEach(results::add);
        assertEquals(SQUARES.size(), results.size(), results.toString());
        assertEquals(new HashSet<>(SQUARES), new HashSet<>(results));
    }

    // starmap applies a two-argument function to each pair, in order; a pair of the wrong size fails.
    @Test
    void starmapAppliesToPairs() throws InterruptedException {
        List<List<Integer>> pairs = List.of(List.of(2, 3), List.of(4, 5), List.of(6, 7), List.of(8, 9));
        assertEquals(List.of(6, 20, 42, 72), pool.starmap((Integer a, Integer b) -> a * b, pairs));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pool.starmap((Integer a, Integer b) -> a * b, List.of(List.of(1, 2, 3))));
        assertTrue(e.getMessage().contains("pairs"), e.getMessage());
    }

    // A map of tiny tasks lets each worker run far ahead; the next map, of long tasks, starts afresh
    // and is still shared by both workers (WorkAheadTest checks the pacing itself).
    @Test
    void longTasksAfterTinyOnesAreShared() throws InterruptedException {
        try (Pool own = new Pool(2)) {
            assertEquals(2_000, own.map(x -> x + 1, numbers(1, 2_000), 1).size());
            List<String> workers = own.map(x -> {
                Thread.sleep(150);
                return Process.current().name();
            }, List.of(1, 2, 3, 4, 5, 6, 7, 8), 1);
            assertEquals(2, new HashSet<>(workers).size(), workers.toString());
        }
    }

    // n long tasks on a Pool(4) run on n different workers, never two on one while another idles.
    @Test
    void longTasksGoToIdleWorkersFirst() throws InterruptedException {
        for (int tasks = 1; tasks <= 4; tasks++) {
            for (int round = 0; round < 2; round++) {
                List<Long> pids = pool.map(x -> {
                    Thread.sleep(300);
                    return ProcessHandle.current().pid();
                }, numbers(1, tasks), 1);
                assertEquals(tasks, new HashSet<>(pids).size(), tasks + " tasks, round " + round + ": " + pids);
            }
        }
    }

    // apply runs one call in a worker and returns its value.
    @Test
    void applyReturnsTheValue() throws InterruptedException {
        assertEquals(42, pool.apply(() -> 6 * 7));
        assertEquals("hello", pool.apply(() -> "hel" + "lo"));
    }

    // applyAsync: get(timeout) on an unfinished task throws TimeoutError; ready()/successful() track completion; get() returns the value.
    @Test
    void applyAsyncTimeoutReadyAndSuccessful() throws InterruptedException {
        AsyncResult<String> slow = pool.applyAsync(() -> {
            Thread.sleep(3000);
            return "late";
        });
        assertThrows(TimeoutError.class, () -> slow.get(Duration.ofMillis(100)));
        assertFalse(slow.ready());
        assertThrows(IllegalStateException.class, slow::successful);
        assertEquals("late", slow.get(LONG));
        assertTrue(slow.ready());
        assertTrue(slow.successful());
    }

    // applyAsync of a failing call: once ready it is not successful, and get() throws the task's exception.
    @Test
    void applyAsyncOfAFailingCall() throws InterruptedException {
        AsyncResult<Object> failing = pool.applyAsync(() -> {
            throw new IllegalArgumentException("bad argument in worker");
        });
        failing.await(LONG);
        assertTrue(failing.ready());
        assertFalse(failing.successful());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, failing::get);
        assertEquals("bad argument in worker", e.getMessage());
    }

    // mapAsync returns at once; its get() gives the ordered results and it is then ready and successful.
    @Test
    void mapAsyncGivesTheOrderedResults() throws InterruptedException {
        AsyncResult<List<Integer>> result = pool.mapAsync(x -> x + 1, ONE_TO_TEN);
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), result.get(LONG));
        assertTrue(result.ready());
        assertTrue(result.successful());
        assertEquals(SQUARES, pool.mapAsync(x -> x * x, ONE_TO_TEN, 2).get(LONG));
    }

    // An exception in a task makes map throw the same exception type with its message; the pool stays usable.
    @Test
    void taskExceptionKeepsItsTypeAndMessage() throws InterruptedException {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> pool.map(x -> 10 / (x - 5), ONE_TO_TEN));
        assertEquals("/ by zero", e.getMessage());
        IllegalStateException custom = assertThrows(IllegalStateException.class, () -> pool.map(x -> {
            if (x == 7) {
                throw new IllegalStateException("item " + x + " is unlucky");
            }
            return x;
        }, ONE_TO_TEN));
        assertEquals("item 7 is unlucky", custom.getMessage());
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN));
    }

    // A checked exception from a task arrives as RemoteException keeping its type, message and cause; an Error is rethrown as is.
    @Test
    void checkedExceptionsAndErrorsFromTasks() throws InterruptedException {
        RemoteException remote = assertThrows(RemoteException.class, () -> pool.apply(() -> {
            throw new java.io.IOException("disk on fire");
        }));
        assertEquals("java.io.IOException", remote.remoteType());
        assertTrue(remote.getMessage().contains("disk on fire"), remote.getMessage());
        assertTrue(remote.getCause() instanceof java.io.IOException, String.valueOf(remote.getCause()));
        StackOverflowError error = assertThrows(StackOverflowError.class, () -> pool.apply(() -> {
            throw new StackOverflowError("too deep");
        }));
        assertEquals("too deep", error.getMessage());
    }

    // A function capturing a Thread is refused by map before anything is sent, naming java.lang.Thread; a result that cannot travel back fails the call naming its type.
    @Test
    void valuesThatCannotTravelAreNamed() throws InterruptedException {
        Thread thread = new Thread(() -> { });
        NotSerializableValueException e = assertThrows(NotSerializableValueException.class,
                () -> pool.map(x -> x + thread.getName(), ONE_TO_TEN));
        assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        NotSerializableValueException back = assertThrows(NotSerializableValueException.class,
                () -> pool.apply(() -> new Thread(() -> { })));
        assertTrue(back.getMessage().contains("java.lang.Thread"), back.getMessage());
        assertTrue(back.getMessage().contains("result"), back.getMessage());
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN));
    }

    // Invalid pool sizes are refused before any worker starts.
    @Test
    void invalidPoolArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pool(0));
        assertThrows(IllegalArgumentException.class, () -> new Pool(1, null, -1));
    }

    // A pool whose workers cannot start (bad java command) fails with ProcessStartException and leaves nothing running.
    @Test
    void poolWithBadJavaCommandFails() {
        Set<ChildProcess> before = ChildProcess.live();
        MpContext noJava = MpContext.defaultContext().withSettings(settings -> settings.withJavaCommand("/nonexistent/java"));
        ProcessStartException e = assertThrows(ProcessStartException.class, () -> noJava.pool(2));
        assertTrue(e.getMessage().contains("/nonexistent/java"), e.getMessage());
        assertEquals(before, ChildProcess.live());
    }

    // A worker killed mid-task fails get() within 1 s of the kill with ChildDiedException naming the worker and SIGKILL; the pool then still maps.
    @Test
    void killedWorkerFailsItsTaskWithinOneSecond() throws InterruptedException {
        long killedAt;
        ChildDiedException died;
        String workerName;
        try (Captured captured = new Captured()) {
            AsyncResult<Integer> result = pool.applyAsync(() -> {
                System.out.println("sleeper pid " + ProcessHandle.current().pid());
                Thread.sleep(60_000);
                return 1;
            });
            assertTrue(waitUntil(() -> !captured.outLines("sleeper pid ").isEmpty(), LONG), captured.out());
            long pid = Long.parseLong(captured.outLines("sleeper pid ").get(0).substring("sleeper pid ".length()).strip());
            Process worker = pool.workers().stream().filter(w -> w.pid() == pid).findFirst()
                    .orElseThrow(() -> new AssertionError(pid + " is not one of " + pool.workers()));
            workerName = worker.name();
            killedAt = System.nanoTime();
            worker.kill();
            try {
                result.get(LONG);
                fail("the task of a killed worker succeeded");
                return;
            } catch (ChildDiedException e) {
                died = e;
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        assertTrue(millis < 1000, "get() failed " + millis + " ms after the kill, not within 1 s");
        assertTrue(died.getMessage().contains("SpawnPoolWorker"), died.getMessage());
        assertTrue(died.getMessage().contains(workerName), died.getMessage());
        assertTrue(died.getMessage().contains("SIGKILL"), died.getMessage());
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN));
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN, 1));
        assertEquals(4, pool.workers().size());
    }

    // A worker that dies fails only the task it was running: a task queued behind it on the same worker runs on the replacement.
    @Test
    void taskQueuedBehindADyingTaskStillRuns() throws InterruptedException {
        Pool own = new Pool(1);
        try {
            Event bothSent = new Event();
            AsyncResult<Integer> dying = own.applyAsync(() -> {
                bothSent.await();
                System.exit(3);
                return 0;
            });
            AsyncResult<String> innocent = own.applyAsync(() -> "innocent");
            String feeder = "proclab-" + own.workers().get(0).name() + "-feeder";
            assertTrue(waitUntil(() -> waitsToSendMore(feeder), LONG), "the worker was never sent both calls");
            bothSent.set();
            assertThrows(ChildDiedException.class, () -> dying.get(LONG));
            assertEquals("innocent", innocent.get(LONG));
        } finally {
            own.terminate();
            own.join();
        }
    }

    // System.exit inside a pool task fails the call with ChildDiedException saying "exited with code"; the pool stays usable.
    @Test
    void systemExitInPoolTaskFailsTheCall() throws InterruptedException {
        ChildDiedException e = assertThrows(ChildDiedException.class, () -> pool.apply(() -> {
            System.exit(3);
            return 0;
        }));
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("SpawnPoolWorker"), e.getMessage());
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN));
    }

    // join() on a running pool is refused with IllegalStateException mentioning close().
    @Test
    void joinBeforeCloseIsRefused() throws InterruptedException {
        IllegalStateException e = assertThrows(IllegalStateException.class, pool::join);
        assertTrue(e.getMessage().contains("close"), e.getMessage());
        assertEquals(SQUARES, pool.map(x -> x * x, ONE_TO_TEN));
    }

    // The initializer runs exactly once in each worker, before its tasks.
    @Test
    void initializerRunsOncePerWorker() throws InterruptedException {
        try (Captured captured = new Captured()) {
            Set<String> workers;
            try (Pool own = new Pool(2, () -> System.out.println("init " + Process.current().name()), 0)) {
                workers = own.workers().stream().map(Process::name).collect(Collectors.toSet());
                assertEquals(SQUARES, own.map(x -> x * x, ONE_TO_TEN, 1));
            }
            // the workers have exited, and a child counts as exited only once all it printed is in
            List<String> inits = captured.outLines("init ");
            Map<String, Long> perWorker = new TreeMap<>(inits.stream()
                    .collect(Collectors.groupingBy(line -> line.substring(5).strip(), Collectors.counting())));
            Map<String, Long> expected = new TreeMap<>();
            workers.forEach(name -> expected.put(name, 1L));
            assertEquals(expected, perWorker, captured.out());
        }
    }

    // new Pool(n, initializer), like Python's Pool(n, initializer): every task sees the static its worker's
    // initializer set, and the workers are not replaced after some number of tasks.
    @Test
    void initializerSetsAStaticThatTheWorkersTasksRead() throws InterruptedException {
        Pool own = new Pool(2, () -> setByInitializer = "set in " + Process.current().name());
        try {
            Set<String> workers = own.workers().stream().map(process -> "set in " + process.name()).collect(Collectors.toSet());
            List<String> seen = own.map(x -> setByInitializer, ONE_TO_TEN, 1);
            assertEquals(ONE_TO_TEN.size(), seen.size());
            assertTrue(workers.containsAll(seen), seen + " not all in " + workers);
            assertNull(setByInitializer);
        } finally {
            own.terminate();
            own.join();
        }
    }

    // With maxTasksPerChild=1 every task runs in a fresh worker: successive apply() calls report different pids.
    @Test
    void maxTasksPerChildOneGivesAFreshWorkerEachTime() throws InterruptedException {
        Pool own = new Pool(1, null, 1);
        try {
            List<Long> pids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pids.add(own.apply(() -> ProcessHandle.current().pid()));
            }
            assertEquals(3, new HashSet<>(pids).size(), pids.toString());
            assertTrue(awaitGone(pids.get(0), LONG), "retired worker " + pids.get(0) + " still runs");
        } finally {
            own.terminate();
            own.join();
        }
    }

    // A map of many tiny chunks sends them in batches; a worker that retires in the middle of a batch
    // first gets the chunks already written to it, so none is lost and the map does not stall.
    @Test
    void workersRetireInTheMiddleOfABatch() throws InterruptedException {
        Pool own = new Pool(1, null, 25);
        try {
            List<Long> pids = own.map(x -> ProcessHandle.current().pid(), numbers(1, 200), 1);
            assertEquals(200, pids.size());
            assertEquals(8, new HashSet<>(pids).size(), "each worker runs 25 tasks");
        } finally {
            own.terminate();
            own.join();
        }
    }

    // After close() new work is refused with IllegalStateException, and the workers have exited.
    @Test
    void closedPoolRefusesNewWork() throws InterruptedException {
        Pool own = new Pool(1);
        Set<Long> pids = workerPids(own);
        own.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> own.map(x -> x * x, ONE_TO_TEN));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> own.apply(() -> 1));
        assertThrows(IllegalStateException.class, () -> own.applyAsync(() -> 1));
        for (long pid : pids) {
            assertTrue(awaitGone(pid, LONG), "worker " + pid + " still runs after close()");
        }
        own.join();
    }

    // terminate() kills the workers: unfinished work fails, their pids are gone within a few seconds, and join() returns.
    @Test
    void terminateEndsTheWorkers() throws InterruptedException {
        Pool own = new Pool(2);
        Set<Long> pids = workerPids(own);
        assertEquals(2, pids.size());
        List<AsyncResult<Integer>> running = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            running.add(own.applyAsync(() -> {
                Thread.sleep(60_000);
                return 1;
            }));
        }
        own.terminate();
        for (long pid : pids) {
            assertTrue(awaitGone(pid, Duration.ofSeconds(10)), "worker " + pid + " still runs after terminate()");
        }
        own.join();
        for (AsyncResult<Integer> result : running) {
            result.await(LONG);
            assertTrue(result.ready(), "unfinished work still pending after terminate()");
            assertFalse(result.successful());
        }
        assertThrows(IllegalStateException.class, () -> own.map(x -> x, ONE_TO_TEN));
    }

    // join() after terminate() returns only when the call a worker was running has failed, in every round.
    @Test
    void joinAfterTerminateFindsTheRunningCallFailed() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            Pool own = new Pool(1);
            Event running = new Event();
            AsyncResult<Integer> call = own.applyAsync(() -> {
                running.set();
                Thread.sleep(60_000);
                return 1;
            });
            running.await();
            own.terminate();
            own.join();
            assertTrue(call.ready(), "join() returned before the running call failed, in round " + round);
            assertFalse(call.successful());
        }
    }

    // Leaving try-with-resources closes the pool: work already submitted still completes, and the workers exit.
    @Test
    void tryWithResourcesClosesAndWorkersExit() throws InterruptedException {
        Set<Long> pids;
        AsyncResult<String> pending;
        try (Pool own = new Pool(2)) {
            pids = workerPids(own);
            assertEquals(SQUARES, own.map(x -> x * x, ONE_TO_TEN));
            pending = own.applyAsync(() -> {
                Thread.sleep(500);
                return "finished";
            });
        }
        assertTrue(pending.ready(), "close() returned before the submitted work finished");
        assertEquals("finished", pending.get());
        for (long pid : pids) {
            assertTrue(awaitGone(pid, LONG), "worker " + pid + " still runs after close()");
        }
    }

    /**
     * Whether the feeder thread of that name waits inside {@link WorkAhead#reserve()} for room to
     * send one more call: a worker's limit is two single calls in flight, so both were sent.
     */
    private static boolean waitsToSendMore(String feederName) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().equals(feederName))
                .anyMatch(thread -> waitsInReserve(thread.getValue()));
    }

    /** Whether a stack (one snapshot, so the frames agree) is parked in Object.wait within WorkAhead.reserve. */
    private static boolean waitsInReserve(StackTraceElement[] frames) {
        return frames.length > 0 && frames[0].getClassName().equals(Object.class.getName())
                && frames[0].getMethodName().startsWith("wait")
                && Arrays.stream(frames).anyMatch(frame -> frame.getClassName().equals(WorkAhead.class.getName())
                        && frame.getMethodName().equals("reserve"));
    }

    /** The numbers {@code first} to {@code last}, both included. */
    private static List<Integer> numbers(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }
}
