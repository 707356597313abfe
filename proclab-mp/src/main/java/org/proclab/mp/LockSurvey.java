package org.proclab.mp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.proclab.mp.shm.Liveness;
import org.proclab.mp.shm.SharedMemoryDirectory;
import org.proclab.mp.shm.SharedRegion;

/**
 * A snapshot of every {@link Lock}, {@link RLock}, {@link Semaphore} and {@link Condition} of the
 * session (the kernel and all its processes): who holds each one, who waits for it, and the wait
 * cycles among them, which are deadlocks. What {@code %locks} shows.
 *
 * <p>Every such object lives in a file of the session's shared-memory directory, named after its
 * kind ({@code lock-812-3}); the survey reads them all, and the {@link WaitBoard}s the waiting
 * processes keep there. It changes nothing and takes no lock, so it works while others are stuck;
 * the picture may be a moment old by the time it is shown. An object is known by its file's name,
 * its {@link #idOf id}; {@link #namesOf} turns ids into the names of the notebook's variables.
 *
 * <p>A semaphore's places have no owner, so a semaphore shows its waiters but no holder, and takes
 * no part in deadlock detection. The lock inside a {@link Value} or an {@link Array} shows only
 * while it is held or waited for, or when a variable names it.
 */
public final class LockSurvey {
    private final List<Entry> entries;
    private final List<Deadlock> deadlocks;

    private LockSurvey(List<Entry> entries, List<Deadlock> deadlocks) {
        this.entries = entries;
        this.deadlocks = deadlocks;
    }

    /** A thread of a process of the session. */
    public record Party(long pid, long threadId, String processName, String threadName) {
        /** E.g. {@code Process-1 (pid 845, thread main)}. */
        public String describe() {
            return processName + " (pid " + pid + ", thread " + threadName + ")";
        }

        /** Whether this is the thread that asks: a lock it holds is one the caller holds. */
        public boolean isCallingThread() {
            return ThreadKey.of(pid, threadId) == ThreadKey.current();
        }
    }

    /** A thread waiting, and for how long it has waited. */
    public record Waiter(Party party, long waitedMillis, boolean forSignal) {
    }

    /**
     * One lock, semaphore or condition.
     *
     * @param id what identifies it across processes (its file's name)
     * @param kind {@code Lock}, {@code RLock}, {@code Semaphore}, {@code Condition}, or the Value's or Array's lock
     * @param state {@code locked}, {@code free}, {@code value=2}, ...
     * @param holder the thread that holds it, null when none does or nobody can tell (a semaphore)
     * @param holderEnded whether the holder's process has ended (the next waiter takes the lock over)
     * @param waiters the threads waiting for it (or for a condition's signal), longest waiting first
     */
    public record Entry(String id, String kind, String state, Party holder, boolean holderEnded, List<Waiter> waiters) {
        /** Whether it is held (a semaphore: no place is free) or waited for. */
        public boolean busy() {
            return holder != null || !waiters.isEmpty() || state.startsWith("value=0");
        }
    }

    /** One step of a wait cycle: {@code party} holds {@code holds} and waits for {@code waitsFor} (ids). */
    public record Step(Party party, String holds, String waitsFor) {
    }

    /** A cycle of threads each waiting for a lock the next one holds: none of them can ever go on. */
    public record Deadlock(List<Step> steps) {
        /**
         * The cycle in words, with objects named by {@code names} (id → name, else the id):
         * {@code Process-1 (pid 1, thread main) holds a and waits for b; Process-2 (...) holds b and waits for a.}
         */
        public String describe(Map<String, String> names) {
            StringBuilder text = new StringBuilder();
            for (Step step : steps) {
                if (!text.isEmpty()) {
                    text.append("; ");
                }
                text.append(step.party().describe()).append(" holds ").append(names.getOrDefault(step.holds(), step.holds()))
                        .append(" and waits for ").append(names.getOrDefault(step.waitsFor(), step.waitsFor()));
            }
            return text.append('.').toString();
        }
    }

    /**
     * Takes a snapshot of the session's locks.
     *
     * @param processNames names of processes by pid that this process knows (the kernel's children); others
     *     are named by their own wait boards, or "pid N"
     */
    public static LockSurvey take(Map<Long, String> processNames) {
        List<Path> files = list(SharedMemoryDirectory.session().path());
        List<WaitBoard.Wait> waits = liveWaits(files);
        Map<Long, String> names = new HashMap<>(processNames);
        names.put(Liveness.self(), Process.current().name());
        waits.forEach(wait -> names.putIfAbsent(wait.pid(), wait.processName()));
        return new Reader(names, waits).read(files);
    }

    /**
     * Whether a thread of the session waits to take a Lock or an RLock now. Without such a wait there
     * is no deadlock, so whoever looks only for deadlocks (the explanation after each cell) need not
     * read every lock: this reads only the wait boards.
     */
    public static boolean anyoneWaitsForALock() {
        return liveWaits(list(SharedMemoryDirectory.session().path())).stream().anyMatch(WaitBoard.Wait::forALock);
    }

    /** The waits on the boards among {@code files} of processes still alive. */
    private static List<WaitBoard.Wait> liveWaits(List<Path> files) {
        List<WaitBoard.Wait> waits = new ArrayList<>();
        for (Path file : files) {
            if (kindOf(file).equals(WaitBoard.KIND)) {
                List<WaitBoard.Wait> board = WaitBoard.read(file, size(file));
                if (!board.isEmpty() && Liveness.isAlive(board.get(0).pid())) {
                    waits.addAll(board);
                }
            }
        }
        return waits;
    }

    /** Every lock, semaphore and condition, in the order they were made. */
    public List<Entry> entries() {
        return entries;
    }

    /** The wait cycles found, each named once. */
    public List<Deadlock> deadlocks() {
        return deadlocks;
    }

    /** The id of a Lock, RLock, Semaphore or Condition (a condition's own waiters), or null for anything else. */
    public static String idOf(Object object) {
        if (object instanceof Lock lock) {
            return id(lock.memory().file(), lock.offset());
        }
        if (object instanceof RLock lock) {
            return id(lock.memory().file(), 0);
        }
        if (object instanceof Semaphore semaphore) {
            return id(semaphore.memory().file(), 0);
        }
        if (object instanceof Condition condition) {
            return id(condition.waitList().memory().file(), 0);
        }
        return null;
    }

    /**
     * Names for the objects that {@code variables} (name → value) hold: a lock in variable {@code a} is
     * {@code a}, the lock of a Condition {@code c} is {@code c's lock}, that of a Value {@code v} is
     * {@code v.lock()}. A name given directly wins over one derived.
     */
    public static Map<String, String> namesOf(Map<String, ?> variables) {
        Map<String, String> direct = new LinkedHashMap<>();
        Map<String, String> derived = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            String id = idOf(value);
            if (id != null) {
                direct.putIfAbsent(id, name);
            }
            if (value instanceof Condition condition) {
                derived.putIfAbsent(idOf(condition.boundLock()), name + "'s lock");
            } else if (value instanceof Value shared) {
                derived.putIfAbsent(idOf(shared.lock()), name + ".lock()");
            } else if (value instanceof Array array) {
                derived.putIfAbsent(idOf(array.lock()), name + ".lock()");
            }
        });
        derived.putAll(direct);
        return derived;
    }

    private static String id(Path file, int offset) {
        String name = file.getFileName().toString();
        return offset == 0 ? name : name + "@" + offset;
    }

    private static String kindOf(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted(Comparator.comparingLong(LockSurvey::creationOrder)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Files are named {@code kind-pid-counter}; this orders them by pid, then counter. */
    private static long creationOrder(Path file) {
        String[] parts = file.getFileName().toString().split("-");
        try {
            return parts.length == 3 ? Long.parseLong(parts[1]) * 1_000_000 + Long.parseLong(parts[2]) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int size(Path file) {
        try {
            return (int) Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads the objects' files with the waits known, then looks for cycles. */
    private static final class Reader {
        private final Map<Long, String> processNames;
        private final Map<String, List<WaitBoard.Wait>> waitsByObject = new HashMap<>();
        private final Map<Long, String> threadNames = new HashMap<>();
        private final Map<Long, WaitBoard.Wait> lockWaitByThread = new LinkedHashMap<>();
        private final Map<String, Long> holderByObject = new HashMap<>();

        Reader(Map<Long, String> processNames, List<WaitBoard.Wait> waits) {
            this.processNames = processNames;
            for (WaitBoard.Wait wait : waits) {
                long key = wait.pid() << 32 | (wait.threadId() & 0xffffffffL);
                threadNames.put(key, wait.threadName());
                waitsByObject.computeIfAbsent(id(Path.of(wait.file()), wait.offset()), id -> new ArrayList<>()).add(wait);
                if (wait.forALock()) {
                    lockWaitByThread.put(key, wait);
                }
            }
        }

        LockSurvey read(List<Path> files) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files) {
                Entry entry = entry(file);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            return new LockSurvey(List.copyOf(entries), cycles());
        }

        private Entry entry(Path file) {
            String kind = kindOf(file);
            int size = size(file);
            if (size < Long.BYTES) {
                return null;
            }
            return switch (kind) {
                case "lock" -> lockEntry(file, size, "Lock");
                case "value" -> lockEntry(file, size, "Value's lock");
                case "array" -> lockEntry(file, size, "Array's lock");
                case "rlock" -> rlockEntry(file, size);
                case "semaphore" -> semaphoreEntry(file, size);
                case "condition" -> conditionEntry(file);
                default -> null;
            };
        }

        private Entry lockEntry(Path file, int size, String kind) {
            long holder = SharedRegion.open(file, size).getLongVolatile(0);
            return holderEntry(file, kind, holder, holder == 0 ? "free" : "locked");
        }

        private Entry rlockEntry(Path file, int size) {
            SharedRegion memory = SharedRegion.open(file, size);
            long owner = memory.getLongVolatile(0);
            return holderEntry(file, "RLock", owner, owner == 0 ? "free" : "locked " + memory.getIntVolatile(8) + "×");
        }

        private Entry holderEntry(Path file, String kind, long holderKey, String state) {
            String id = id(file, 0);
            Party holder = holderKey == 0 ? null : party(ThreadKey.pid(holderKey), ThreadKey.thread(holderKey));
            boolean ended = holder != null && holder.pid() != Liveness.self() && !Liveness.isAlive(holder.pid());
            if (holder != null && !ended) {
                holderByObject.put(id, holderKey);
            }
            return new Entry(id, kind, state, holder, ended, waiters(id));
        }

        private Entry semaphoreEntry(Path file, int size) {
            String id = id(file, 0);
            return new Entry(id, "Semaphore", "value=" + SharedRegion.open(file, size).getIntVolatile(0), null, false,
                    waiters(id));
        }

        private Entry conditionEntry(Path file) {
            String id = id(file, 0);
            List<Waiter> waiters = waiters(id);
            return new Entry(id, "Condition", waiters.size() + " waiting for a signal", null, false, waiters);
        }

        private List<Waiter> waiters(String id) {
            long now = System.currentTimeMillis();
            return waitsByObject.getOrDefault(id, List.of()).stream()
                    .sorted(Comparator.comparingLong(WaitBoard.Wait::sinceMillis))
                    .map(wait -> new Waiter(party(wait.pid(), wait.threadId()), Math.max(0, now - wait.sinceMillis()),
                            wait.what() == WaitBoard.Waiting.CONDITION_SIGNAL))
                    .toList();
        }

        private Party party(long pid, long threadId) {
            long key = pid << 32 | (threadId & 0xffffffffL);
            String threadName = threadNames.get(key);
            if (threadName == null && pid == Liveness.self()) {
                threadName = localThreadName(threadId);
            }
            return new Party(pid, threadId, processNames.getOrDefault(pid, "pid " + pid),
                    threadName != null ? threadName : "#" + threadId);
        }

        /** The name of a live thread of this process, or null; only for holders that never waited. */
        private static String localThreadName(long threadId) {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] threads = new Thread[root.activeCount() + 16];
            int count = root.enumerate(threads, true);
            for (int i = 0; i < count; i++) {
                if ((threads[i].getId() & 0xffffffffL) == threadId) {
                    return threads[i].getName();
                }
            }
            return null;
        }

        /** Follows "waits for a lock that X holds" from every waiting thread; a path that comes back is a cycle. */
        private List<Deadlock> cycles() {
            List<Deadlock> found = new ArrayList<>();
            Set<Long> done = new LinkedHashSet<>();
            for (Long start : lockWaitByThread.keySet()) {
                List<Long> path = new ArrayList<>();
                Long current = start;
                while (current != null && !done.contains(current) && !path.contains(current)) {
                    path.add(current);
                    current = holderOfWhatWaitedFor(current);
                }
                if (current != null && path.contains(current)) {
                    found.add(deadlock(path.subList(path.indexOf(current), path.size())));
                }
                done.addAll(path);
            }
            return List.copyOf(found);
        }

        private Long holderOfWhatWaitedFor(long thread) {
            WaitBoard.Wait wait = lockWaitByThread.get(thread);
            return wait == null ? null : holderByObject.get(id(Path.of(wait.file()), wait.offset()));
        }

        private Deadlock deadlock(List<Long> cycle) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < cycle.size(); i++) {
                long thread = cycle.get(i);
                WaitBoard.Wait wait = lockWaitByThread.get(thread);
                String waitsFor = id(Path.of(wait.file()), wait.offset());
                long previous = cycle.get((i + cycle.size() - 1) % cycle.size());
                WaitBoard.Wait previousWait = lockWaitByThread.get(previous);
                String holds = id(Path.of(previousWait.file()), previousWait.offset());
                steps.add(new Step(party(ThreadKey.pid(thread), ThreadKey.thread(thread)), holds, waitsFor));
            }
            return new Deadlock(List.copyOf(steps));
        }
    }
}
