package org.proclab.mp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.Liveness;
import org.proclab.mp.shm.SharedRegion;

/**
 * Which threads of one process wait for which lock, semaphore or condition right now, in shared
 * memory, so that {@code %locks} in the kernel can see the waits of every process of the session.
 *
 * <p>Only a wait writes here: an acquire that gets its lock at the first attempt never touches the
 * board, so an uncontended lock stays one compare-and-set. A process makes its board (one small
 * file, {@code waits-<pid>-<n>}) the first time one of its threads has to wait.
 *
 * <p>Layout: a header with the process's pid and name, then {@value #SLOT_COUNT} slots, one per
 * waiting thread. A thread claims a free slot by swapping its id into {@code THREAD}, writes what
 * it waits for, then publishes a fresh generation number in {@code GENERATION}; leaving clears the
 * generation first. A reader takes a slot only if it read the same non-zero generation before and
 * after the fields, so it never mixes two waits. A process with more waiting threads than slots
 * leaves the extra waits unrecorded (they still wait correctly; {@code %locks} just does not see them).
 */
final class WaitBoard {
    /** The prefix of a board's file name, by which the survey finds the boards. */
    static final String KIND = "waits";
    static final int SLOT_COUNT = 32;
    private static final int PID = 0;
    private static final int PROCESS_NAME = 8;
    private static final int NAME_BYTES = 32;
    private static final int FIRST_SLOT = 64;
    private static final int SLOT_SIZE = 128;
    private static final int GENERATION = 0;
    private static final int THREAD = 8;
    private static final int SINCE = 16;
    private static final int OFFSET = 24;
    private static final int WHAT = 28;
    private static final int FILE = 32;
    private static final int THREAD_NAME = FILE + NAME_BYTES;
    private static final int SIZE = FIRST_SLOT + SLOT_COUNT * SLOT_SIZE;

    private static volatile WaitBoard own;
    private static long generations;

    private final SharedRegion memory;

    private WaitBoard(SharedRegion memory) {
        this.memory = memory;
    }

    /** What a thread waits for: to take a lock, or for a signal. */
    enum Waiting {
        LOCK, RLOCK, SEMAPHORE, CONDITION_SIGNAL
    }

    /** One recorded wait, as the survey reads it. */
    record Wait(long pid, String processName, long threadId, String threadName, String file, int offset,
                Waiting what, long sinceMillis) {
        /** Whether the thread waits to take a Lock or an RLock: only such waits can close a wait cycle. */
        boolean forALock() {
            return what == Waiting.LOCK || what == Waiting.RLOCK;
        }
    }

    /** A thread's place on the board while it waits; {@link #leave()} takes it off. */
    @FunctionalInterface
    interface Seat {
        Seat NONE = () -> { };

        void leave();
    }

    /**
     * Records that the calling thread waits for the object stored at {@code offset} of {@code object}.
     *
     * @return the seat to leave when the wait ends, whichever way it ends
     */
    static Seat enter(SharedRegion object, int offset, Waiting what) {
        return board().take(object.file().getFileName().toString(), offset, what);
    }

    /**
     * Waits for a lock-like object at {@code offset} of {@code object} after a first attempt failed,
     * seated on this process's board the whole time so that {@code %locks} sees the wait: tries
     * {@code attempt} until it succeeds, now and then asks {@code takeOverFromDeadHolder} to take the
     * object over from a holder that died, and gives up when {@code backoff} runs out.
     *
     * @return whether the object was taken
     */
    static boolean waitSeated(SharedRegion object, int offset, Waiting what, Backoff backoff,
                              BooleanSupplier attempt, BooleanSupplier takeOverFromDeadHolder)
            throws InterruptedException {
        Seat seat = enter(object, offset, what);
        try {
            DeadHolderWatch watch = new DeadHolderWatch();
            while (!attempt.getAsBoolean()) {
                if (watch.due() && takeOverFromDeadHolder.getAsBoolean()) {
                    return true;
                }
                if (!backoff.pause()) {
                    return false;
                }
            }
            return true;
        } finally {
            seat.leave();
        }
    }

    /** The waits recorded in the board file {@code file}, read without locking. */
    static List<Wait> read(Path file, int size) {
        List<Wait> waits = new ArrayList<>();
        if (size < SIZE) {
            return waits;
        }
        WaitBoard board = new WaitBoard(SharedRegion.open(file, SIZE));
        long pid = board.memory.getLongVolatile(PID);
        String processName = board.text(PROCESS_NAME);
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            Wait wait = board.readSlot(slot, pid, processName);
            if (wait != null) {
                waits.add(wait);
            }
        }
        return waits;
    }

    private static WaitBoard board() {
        WaitBoard board = own;
        if (board == null) {
            synchronized (WaitBoard.class) {
                board = own;
                if (board == null) {
                    board = new WaitBoard(SharedRegion.create(KIND, SIZE));
                    board.writeText(PROCESS_NAME, Process.current().name());
                    board.memory.setLongVolatile(PID, Liveness.self());
                    own = board;
                }
            }
        }
        return board;
    }

    private Seat take(String file, int offset, Waiting what) {
        Thread thread = Thread.currentThread();
        long threadId = thread.getId();
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            int base = FIRST_SLOT + slot * SLOT_SIZE;
            if (memory.compareAndSetLong(base + THREAD, 0, threadId)) {
                memory.setLongVolatile(base + SINCE, System.currentTimeMillis());
                memory.setIntVolatile(base + OFFSET, offset);
                memory.setIntVolatile(base + WHAT, what.ordinal());
                writeText(base + FILE, file);
                writeText(base + THREAD_NAME, thread.getName());
                memory.setLongRelease(base + GENERATION, nextGeneration());
                return () -> {
                    memory.setLongVolatile(base + GENERATION, 0);
                    memory.setLongVolatile(base + THREAD, 0);
                };
            }
        }
        return Seat.NONE;
    }

    private Wait readSlot(int slot, long pid, String processName) {
        int base = FIRST_SLOT + slot * SLOT_SIZE;
        long before = memory.getLongAcquire(base + GENERATION);
        if (before == 0) {
            return null;
        }
        long threadId = memory.getLongVolatile(base + THREAD);
        long since = memory.getLongVolatile(base + SINCE);
        int offset = memory.getIntVolatile(base + OFFSET);
        int what = memory.getIntVolatile(base + WHAT);
        String file = text(base + FILE);
        String threadName = text(base + THREAD_NAME);
        if (memory.getLongVolatile(base + GENERATION) != before || what < 0 || what >= Waiting.values().length) {
            return null;
        }
        return new Wait(pid, processName, threadId, threadName, file, offset, Waiting.values()[what], since);
    }

    private static synchronized long nextGeneration() {
        return ++generations;
    }

    /** Writes {@code text} as a length byte and at most {@value #NAME_BYTES} - 1 bytes of UTF-8, cut at a character. */
    private void writeText(int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, NAME_BYTES - 1);
        while (length > 0 && length < bytes.length && (bytes[length] & 0xC0) == 0x80) {
            length--;
        }
        byte[] field = new byte[NAME_BYTES];
        field[0] = (byte) length;
        System.arraycopy(bytes, 0, field, 1, length);
        memory.write(at, field, 0, NAME_BYTES);
    }

    private String text(int at) {
        byte[] field = new byte[NAME_BYTES];
        memory.read(at, field, 0, NAME_BYTES);
        int length = Math.min(field[0] & 0xFF, NAME_BYTES - 1);
        return new String(field, 1, length, StandardCharsets.UTF_8);
    }
}
