package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;
import static org.proclab.mp.MpTesting.waitUntil;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Queue} and {@link JoinableQueue} with real child JVMs. Tasks capture only local values
 * (queues travel as handles to the same shared memory); every started child is killed and reaped
 * after each test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueueTest {
    private final MpTesting.StartedProcesses started = new MpTesting.StartedProcesses();

    /** A value type of the user's own, as a notebook would declare it. */
    record Reading(String station, double celsius) implements Serializable {
    }

    @AfterEach
    void killStarted() throws InterruptedException {
        started.killAll();
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private Process start(Task task) {
        return started.start(task);
    }

    // In one process: items come out in the order they went in, size/isEmpty/toString follow, and a closed handle refuses put and get.
    @Test
    void fifoOrderSizeAndCloseInOneProcess() throws InterruptedException {
        Queue<Integer> queue = new Queue<>();
        assertTrue(queue.isEmpty());
        assertEquals("<Queue size=0>", queue.toString());
        for (int i = 0; i < 5; i++) {
            queue.put(i);
        }
        assertEquals(5, queue.size());
        assertFalse(queue.isEmpty());
        assertFalse(queue.isFull());
        assertEquals("<Queue size=5>", queue.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, queue.get());
        }
        assertTrue(queue.isEmpty());
        queue.close();
        assertThrows(IllegalStateException.class, () -> queue.put(1));
        assertThrows(IllegalStateException.class, queue::get);
        assertEquals("<Queue size=0 closed>", queue.toString());
    }

    // A child gets what the parent put, and the parent gets what the child put.
    @Test
    void parentToChildAndChildToParent() throws InterruptedException {
        Queue<Integer> toChild = new Queue<>();
        Queue<String> toParent = new Queue<>();
        toChild.put(41);
        Process child = start(() -> toParent.put("child got " + toChild.get()));
        assertEquals("child got 41", toParent.get(LONG));
        MpTesting.assertFinishedCleanly(child);
    }

    // A record of the user's, a String, null and the fast-path types come back equal, with their types, from a child that echoes them.
    @Test
    void valuesRoundTripThroughAChild() throws InterruptedException {
        Queue<Object> there = new Queue<>();
        Queue<Object> back = new Queue<>();
        List<Object> values = Arrays.asList(new Reading("Oslo", -3.5), "grüße ✓", null, "", 7, 1L << 40, 2.5, true,
                false, new byte[] {1, 2, 3}, List.of(1, 2));
        int count = values.size();
        Process echo = start(() -> {
            for (int i = 0; i < count; i++) {
                back.put(there.get());
            }
        });
        for (Object value : values) {
            there.put(value);
        }
        for (Object expected : values) {
            Object received = back.get(LONG);
            if (expected instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) received);
            } else {
                assertEquals(expected, received);
            }
        }
        MpTesting.assertFinishedCleanly(echo);
    }

    // 3 producers and 2 consumers exchange 3×1000 distinct ints: the received set equals the sent set, with no duplicates.
    @Test
    void manyProducersAndConsumersLoseAndDuplicateNothing() throws InterruptedException {
        Queue<Integer> work = new Queue<>();
        Queue<ArrayList<Integer>> results = new Queue<>();
        List<Process> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            consumers.add(start(() -> {
                ArrayList<Integer> received = new ArrayList<>();
                for (Integer n = work.get(); n != null; n = work.get()) {
                    received.add(n);
                }
                results.put(received);
            }));
        }
        List<Process> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int first = p * 1000;
            producers.add(start(() -> {
                for (int i = 0; i < 1000; i++) {
                    work.put(first + i);
                }
            }));
        }
        for (Process producer : producers) {
            MpTesting.assertFinishedCleanly(producer);
        }
        work.put(null);
        work.put(null);
        List<Integer> received = new ArrayList<>(results.get(LONG));
        received.addAll(results.get(LONG));
        for (Process consumer : consumers) {
            MpTesting.assertFinishedCleanly(consumer);
        }
        assertEquals(3000, received.size(), "some ints arrived twice");
        assertEquals(IntStream.range(0, 3000).boxed().collect(Collectors.toSet()), new HashSet<>(received));
    }

    // A 20 MiB byte[] passes intact through a queue whose buffer is 1 MiB: it is streamed while the parent reads it.
    @Test
    void messageLargerThanTheBufferIsStreamed() throws InterruptedException {
        Queue<byte[]> queue = new Queue<>(0, 1 << 20);
        Process producer = start(() -> queue.put(pattern(20 << 20)));
        assertArrayEquals(pattern(20 << 20), queue.get(LONG));
        MpTesting.assertFinishedCleanly(producer);
        queue.put(new byte[] {9});
        assertArrayEquals(new byte[] {9}, queue.get());
    }

    // get with a time limit on an empty queue throws Empty saying how long it stayed empty; getNowait throws Empty at once.
    @Test
    void getFromAnEmptyQueueThrowsEmpty() {
        Queue<String> queue = new Queue<>();
        Empty empty = assertThrows(Empty.class, () -> queue.get(Duration.ofMillis(200)));
        assertEquals("the queue stayed empty for 200 ms", empty.getMessage());
        assertThrows(Empty.class, queue::getNowait);
    }

    // A bounded queue holding maxsize items makes a timed put throw Full and putNowait too; a get makes room again.
    @Test
    void boundedQueueThrowsFullWhenItHoldsMaxsizeItems() throws InterruptedException {
        Queue<String> queue = new Queue<>(2);
        queue.put("a");
        queue.putNowait("b");
        assertTrue(queue.isFull());
        Full full = assertThrows(Full.class, () -> queue.put("c", Duration.ofMillis(100)));
        assertTrue(full.getMessage().contains("maxsize=2"), full.getMessage());
        assertThrows(Full.class, () -> queue.putNowait("c"));
        assertEquals(2, queue.size());
        assertEquals("a", queue.get());
        queue.putNowait("c");
        assertEquals(List.of("b", "c"), List.of(queue.get(), queue.get()));
    }

    // Putting something that is not serializable fails at the put, naming its type, and puts nothing.
    @Test
    void nonSerializableItemFailsAtPutNamingItsType() {
        Queue<Object> queue = new Queue<>();
        NotSerializableValueException failure = assertThrows(NotSerializableValueException.class,
                () -> queue.put(new Thread()));
        assertTrue(failure.getMessage().contains("java.lang.Thread"), failure.getMessage());
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.size());
    }

    // JoinableQueue: the parent's join() returns only once a child has called taskDone() for every item; one call too many is an error.
    @Test
    void joinableQueueJoinWaitsForTaskDoneInAChild() throws InterruptedException {
        JoinableQueue<Integer> tasks = new JoinableQueue<>();
        Queue<Integer> squares = new Queue<>();
        for (int i = 1; i <= 20; i++) {
            tasks.put(i);
        }
        assertEquals(20, tasks.unfinished());
        Process worker = start(() -> {
            for (int i = 0; i < 20; i++) {
                int n = tasks.get();
                Thread.sleep(5);
                squares.put(n * n);
                tasks.taskDone();
            }
        });
        tasks.join();
        assertEquals(20, squares.size());
        assertEquals(0, tasks.unfinished());
        assertEquals("<JoinableQueue size=0 unfinished=0>", tasks.toString());
        MpTesting.assertFinishedCleanly(worker);
        assertThrows(IllegalStateException.class, tasks::taskDone);
        Set<Integer> expected = IntStream.rangeClosed(1, 20).map(n -> n * n).boxed().collect(Collectors.toSet());
        Set<Integer> received = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            received.add(squares.get());
        }
        assertEquals(expected, received);
    }

    // A producer killed while it streams a huge message leaves a QueueBrokenError naming its pid for the reader (and later users), not a hang.
    @Test
    void producerKilledMidStreamBreaksTheQueue() throws InterruptedException {
        Queue<byte[]> queue = new Queue<>(0, 1 << 20);
        Process producer = start(() -> queue.put(new byte[8 << 20]));
        assertTrue(waitUntil(() -> !queue.isEmpty(), LONG), "the producer never began its message");
        long pid = producer.pid();
        producer.kill();
        producer.join(LONG);
        QueueBrokenError broken = assertThrows(QueueBrokenError.class, queue::get);
        assertTrue(broken.getMessage().contains("pid " + pid), broken.getMessage());
        assertThrows(QueueBrokenError.class, () -> queue.put(new byte[1]));
    }

    // A producer killed while it waited for room had written nothing: the next put takes its lock over and the queue goes on.
    @Test
    void producerKilledWhileWaitingForRoomLeavesTheQueueUsable() throws InterruptedException {
        Queue<String> queue = new Queue<>(1);
        Queue<String> ready = new Queue<>();
        queue.put("first");
        Process producer = start(() -> {
            Thread putter = new Thread(() -> {
                try {
                    queue.put("never");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            putter.start();
            boolean parked = waitUntil(() -> putter.getState() == Thread.State.TIMED_WAITING, LONG);
            ready.put(parked ? "waiting for room" : "the put never waited: " + putter.getState());
            putter.join();
        });
        // The putter's put is the only thing it does and parks only while it waits for room, holding the
        // write lock (nobody else writes now).
        assertEquals("waiting for room", ready.get(LONG));
        producer.kill();
        producer.join(LONG);
        assertEquals("first", queue.get());
        queue.put("second", LONG);
        assertEquals("second", queue.get());
        assertTrue(queue.isEmpty());
    }

    // An interrupted put is harmless while it waits for room, but breaks the queue once it has streamed part of a large message.
    @Test
    void interruptedPutIsCleanBeforeItsMessageBeginsAndBreaksTheQueueAfter() throws Exception {
        Queue<byte[]> queue = new Queue<>(1, 1 << 20);
        queue.put(new byte[] {1});
        assertInterruptedWhileWaiting(queue, () -> queue.put(new byte[] {2}), queue::isFull);
        assertArrayEquals(new byte[] {1}, queue.get());
        assertInterruptedWhileWaiting(queue, () -> queue.put(new byte[4 << 20]), () -> !queue.isEmpty());
        QueueBrokenError broken = assertThrows(QueueBrokenError.class, queue::get);
        assertTrue(broken.getMessage().contains("pid " + ProcessHandle.current().pid() + " was interrupted"),
                broken.getMessage());
    }

    /**
     * Runs {@code put} in a thread, interrupts it once {@code waiting} holds and the thread is parked
     * in the put (it does nothing else, and a put parks only while it waits for room), and checks it
     * ended with InterruptedException.
     */
    private static void assertInterruptedWhileWaiting(Queue<byte[]> queue, Task put, BooleanSupplier waiting)
            throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread putter = new Thread(() -> {
            try {
                put.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        putter.start();
        assertTrue(waitUntil(() -> waiting.getAsBoolean() && putter.getState() == Thread.State.TIMED_WAITING, LONG),
                "the put never waited: " + queue);
        putter.interrupt();
        assertInstanceOf(InterruptedException.class, outcome.get(60, TimeUnit.SECONDS), queue.toString());
    }

    // A put that must wait for room fails with QueueBrokenError once every process that read from the queue has ended.
    @Test
    void putOnAFullQueueWhoseReadersEndedFails() throws InterruptedException {
        Queue<Integer> queue = new Queue<>(1);
        queue.put(1);
        assertThrows(Full.class, () -> queue.put(2, Duration.ofMillis(200)), "nobody read yet: a reader may come");
        Process reader = start(() -> queue.get());
        MpTesting.assertFinishedCleanly(reader);
        queue.put(2);
        QueueBrokenError broken = assertThrows(QueueBrokenError.class, () -> queue.put(3));
        assertTrue(broken.getMessage().contains("every process that read from it has ended"), broken.getMessage());
    }

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 13));
        }
        return bytes;
    }
}
