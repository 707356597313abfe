package org.proclab.mp.spawn;

import java.io.IOException;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.proclab.mp.shm.SharedRegion;

/**
 * What a JVM waiting in the {@link Reservoir} does before its first task comes, so that the task
 * does not pay for first uses: everything a task meets for the first time in a fresh JVM runs as
 * cold, interpreted code, and each first use costs a child about a millisecond on its way.
 *
 * <p>In order, each step only while no work has arrived yet: a lambda sent through serialization
 * and run; a record of an id and a packed array whose result travels back (records, as a cell's
 * values and results often are, are rebuilt through method handles whose first use costs tens of
 * milliseconds); then the serialization descriptors of the jobs a parent sends first and the
 * classes a child uses to take on its name and to end (which took a start and join of a one-line
 * process from a waiting JVM from 13–19 ms to 11–12.5 ms on a slow machine, docs/benchmarks.md,
 * session 16); last, shared memory mapped and used once, and the serialization descriptors of the
 * shared objects tasks capture most (which brought a task that captures a {@code Value} and an
 * {@code Array} from 11–22 ms after its {@code start()} to 4–8 ms, session 18).
 */
final class WaitingWarmUp {
    /**
     * The jobs a parent sends first: a {@code Process}'s task, and a pool's function and first chunk.
     * They belong to {@code org.proclab.mp}, above this package, so they are named, not referred to.
     */
    static final List<String> FIRST_JOBS = List.of(
            "org.proclab.mp.ProcessJob", "org.proclab.mp.PoolJobs$Remember", "org.proclab.mp.PoolJobs$MapChunk");

    /**
     * The shared objects that tasks capture most (the course's, and an array of each kind), named
     * for the same reason.
     */
    static final List<String> FIRST_SHARED_OBJECTS = List.of("org.proclab.mp.Queue", "org.proclab.mp.Value$OfInt",
            "org.proclab.mp.Event", "org.proclab.mp.Barrier", "org.proclab.mp.Lock", "org.proclab.mp.Array$OfInt",
            "org.proclab.mp.Array$OfLong", "org.proclab.mp.Array$OfDouble");

    private WaitingWarmUp() {
    }

    /** Warms up step by step, stopping early once {@code work} holds a frame. */
    static void run(BlockingQueue<Frame> work) {
        roundTrip(() -> null);
        if (!work.isEmpty()) {
            return;
        }
        roundTrip(new ChunkShapedJob(1, new int[] {1, 2, 3}));
        if (!work.isEmpty()) {
            return;
        }
        describe(FIRST_JOBS);
        prepareBecomingAndEnding();
        if (!work.isEmpty()) {
            return;
        }
        prepareSharedMemory();
        describe(FIRST_SHARED_OBJECTS);
    }

    /**
     * Sends a job and its result through serialization and runs it, so that the machinery is loaded
     * before real work comes.
     */
    private static void roundTrip(ChildJob job) {
        try {
            ClassLoader loader = WaitingWarmUp.class.getClassLoader();
            Object value = ((ChildJob) Serialization.fromBytes(Serialization.toBytes(job, "warm-up"), loader)).run();
            Serialization.fromBytes(Serialization.toBytes(value, "warm-up"), loader);
        } catch (Exception e) {
            // only a warm-up: real jobs report their own problems
        }
    }

    /**
     * Has serialization look at these classes (their fields, constructors and methods, found by
     * reflection) once, now: it keeps what it found for when the first of them is read.
     */
    private static void describe(List<String> classes) {
        for (String described : classes) {
            try {
                ObjectStreamClass.lookup(Class.forName(described, false, WaitingWarmUp.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // only a warm-up: the class is described all the same when the first of it is read
            }
        }
    }

    /**
     * Initializes the classes a child uses when it learns its name and when its jobs are done (none
     * of them holds anything of a task yet), and reads its own CPU time once, as its end report does.
     */
    private static void prepareBecomingAndEnding() {
        for (Class<?> used : List.of(ChildName.class, CurrentProcess.class, ProcessEvents.class, OwnChildren.class,
                ClassesToArchive.class)) {
            try {
                Class.forName(used.getName(), true, used.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("a class of this package is missing", e);
            }
        }
        CpuClock.ownPayload();
    }

    /** Maps and uses shared memory once, as a task's first shared object will ({@link SharedRegion#warmUp}). */
    private static void prepareSharedMemory() {
        try {
            SharedRegion.warmUp();
        } catch (IOException | RuntimeException e) {
            // only a warm-up: a task's shared objects report their own problems
        }
    }

    /** A record holding an id and a packed array, for the warm-up. */
    private record ChunkShapedJob(long id, Serializable items) implements ChildJob {
        @Override
        public Object run() {
            return ((int[]) items).clone();
        }
    }
}
