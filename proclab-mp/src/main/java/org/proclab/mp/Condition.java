package org.proclab.mp;

import java.io.Serializable;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.proclab.mp.shm.Backoff;

/**
 * A condition variable shared by processes, like Python's {@code multiprocessing.Condition}: a
 * lock plus a way to sleep until another process says that something changed. Use it when a
 * process must wait for shared data to reach some state that another process brings about.
 *
 * <pre>{@code
 * var changed = new Condition();
 * var consumer = new Process(() -> {
 *     try (var held = changed.hold()) {
 *         changed.waitFor(() -> itemCount() > 0);   // itemCount() reads shared data
 *         takeItem();
 *     }
 * }).start();
 * try (var held = changed.hold()) {
 *     addItem();
 *     changed.signal();                            // wake the consumer
 * }
 * }</pre>
 *
 * <p>Names: Python's {@code wait}, {@code notify} and {@code notify_all} are final methods of every
 * Java object ({@link Object#wait()}, {@link Object#notify()}, {@link Object#notifyAll()}), so here
 * they are {@link #await()}, {@link #signal()} and {@link #signalAll()}, as in
 * {@code java.util.concurrent.locks.Condition}; {@code wait_for} is {@link #waitFor}.
 *
 * <p>Waiting and signalling require holding the lock ({@link #acquire()} or {@link #hold()}).
 * {@code await} releases it while it sleeps (completely, however often an {@link RLock} was taken)
 * and holds it again when it returns or throws. A signal wakes the threads that wait at that
 * moment, longest waiting first; it is never lost, but a waiter should still check what it waits
 * for in a loop ({@link #waitFor} does), because another process may have changed it again before
 * the waiter got the lock back. At most 255 threads may wait at once.
 *
 * <p>It lives in shared memory and travels to child processes as a handle: a task that captures
 * it uses the same condition, and the same lock, as its parent.
 */
public final class Condition implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ConditionLock lock;
    private final WaitList waiters = new WaitList();

    /** A condition with its own {@link RLock}, as in Python. */
    public Condition() {
        this(new RLock());
    }

    /** A condition over a {@link Lock} you also use elsewhere; any thread of the holding process counts as holder. */
    public Condition(Lock lock) {
        this.lock = ConditionLock.of(lock);
    }

    /** A condition over an {@link RLock} you also use elsewhere; only the owning thread counts as holder. */
    public Condition(RLock lock) {
        this.lock = ConditionLock.of(lock);
    }

    /** Waits for the condition's lock and takes it. */
    public void acquire() throws InterruptedException {
        lock.acquire();
    }

    /**
     * Waits at most {@code timeout} for the condition's lock.
     *
     * @return true if it was taken, false if the time ran out
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return lock.acquire(timeout);
    }

    /** Releases the condition's lock. */
    public void release() {
        lock.release();
    }

    /** Acquires the condition's lock and returns a handle whose {@code close()} releases it, for try-with-resources. */
    public Lock.Held hold() throws InterruptedException {
        lock.acquire();
        return lock::release;
    }

    /**
     * Releases the lock, sleeps until signaled, and takes the lock back (Python's {@code wait()}).
     *
     * @throws IllegalStateException if the caller does not hold the lock
     * @throws InterruptedException if interrupted while sleeping; the lock is held again all the same
     */
    public void await() throws InterruptedException {
        awaitWithin(Backoff.forever());
    }

    /**
     * Like {@link #await()}, but sleeps at most {@code timeout}.
     *
     * @return true if signaled, false if the time ran out
     * @throws IllegalStateException if the caller does not hold the lock
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitWithin(Backoff.forNanos(timeout.toNanos()));
    }

    /**
     * Waits until {@code predicate} is true, checking it now and after every signal (Python's
     * {@code wait_for}). The predicate runs while the lock is held, so it may read the shared data.
     *
     * @return the predicate's last result: false only if the time ran out first
     * @throws IllegalStateException if the caller does not hold the lock
     */
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        requireHeld("wait");
        Backoff backoff = Backoff.forNanos(timeout.toNanos());
        boolean result = predicate.getAsBoolean();
        while (!result && !backoff.expired()) {
            awaitWithin(backoff);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** Like {@link #waitFor(BooleanSupplier, Duration)} without a time limit. */
    public void waitFor(BooleanSupplier predicate) throws InterruptedException {
        requireHeld("wait");
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /**
     * Wakes the thread that has waited longest, if any (Python's {@code notify()}).
     *
     * @throws IllegalStateException if the caller does not hold the lock
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting threads, longest waiting first (Python's {@code notify(n)}).
     *
     * @throws IllegalStateException if the caller does not hold the lock
     */
    public void signal(int n) {
        requireHeld("notify");
        waiters.signal(n);
    }

    /**
     * Wakes every waiting thread (Python's {@code notify_all()}).
     *
     * @throws IllegalStateException if the caller does not hold the lock
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** The state, for printing: {@code <Condition(<RLock(unlocked)>, waiting=2)>}. */
    @Override
    public String toString() {
        return "<Condition(" + lock + ", waiting=" + waiters.waiting() + ")>";
    }

    /** The list of waiting threads, which {@link LockSurvey} identifies the condition by. */
    WaitList waitList() {
        return waiters;
    }

    /** The {@link Lock} or {@link RLock} the condition is bound to. */
    Object boundLock() {
        return lock.underlying();
    }

    /** How many threads wait and have not been signaled yet. */
    int waiting() {
        return waiters.waiting();
    }

    private boolean awaitWithin(Backoff backoff) throws InterruptedException {
        requireHeld("wait");
        int slot = waiters.enter();
        int saved = lock.releaseFully();
        try {
            return waiters.awaitSignal(slot, backoff);
        } finally {
            lock.restore(saved);
        }
    }

    private void requireHeld(String action) {
        if (!lock.heldByCaller()) {
            throw new IllegalStateException("cannot " + action + " on un-acquired lock");
        }
    }
}
