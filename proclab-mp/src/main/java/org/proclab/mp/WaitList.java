package org.proclab.mp;

import java.io.Serializable;
import org.proclab.mp.shm.Backoff;
import org.proclab.mp.shm.Liveness;
import org.proclab.mp.shm.SharedRegion;

/**
 * The threads waiting on a {@link Condition}, in shared memory: one slot per waiter, so that a
 * signal goes to a thread that waits at that moment (the one waiting longest) and is never lost,
 * not even to a waiter that times out, is interrupted or has died.
 *
 * <p>A slot holds the waiter's pid and a state word: 0 when free, else {@code ticket << 1}, with
 * bit 0 set once the waiter is signaled. Tickets grow with every wait, so the smallest ticket is
 * the oldest waiter. A waiter claims a free slot (pid 0 → its pid), then publishes its ticket; it
 * polls its own slot; leaving clears the state first, then the pid. A signal flips a waiting state
 * to signaled with a compare-and-set, and a waiter that gives up (time out, interrupt) clears it
 * with a compare-and-set too, so exactly one of the two wins and the outcome is never ambiguous.
 */
final class WaitList implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The number of tickets handed out so far. */
    private static final int TICKETS = 0;
    private static final int FIRST_SLOT = 16;
    private static final int SLOT_SIZE = 16;
    private static final int STATE = 0;
    private static final int PID = 8;
    private static final long SIGNALED = 1;
    /** Slots in one 4 KiB page. */
    static final int CAPACITY = 255;

    private final SharedRegion memory;

    WaitList() {
        this.memory = SharedRegion.create("condition", FIRST_SLOT + CAPACITY * SLOT_SIZE);
    }

    /**
     * Puts the calling thread on the list; from now on a signal may pick it.
     *
     * @return its slot, for {@link #awaitSignal}
     * @throws IllegalStateException if {@value #CAPACITY} threads wait already
     */
    int enter() {
        int slot = claimSlot(Liveness.self());
        long ticket = memory.getAndAddLong(TICKETS, 1) + 1;
        memory.setLongVolatile(state(slot), ticket << 1);
        return slot;
    }

    /**
     * Waits until the thread in {@code slot} is signaled, then takes it off the list.
     *
     * @return true if it was signaled, false if {@code backoff}'s time ran out first
     * @throws InterruptedException when interrupted; a signal that arrived meanwhile goes to another waiter
     */
    boolean awaitSignal(int slot, Backoff backoff) throws InterruptedException {
        WaitBoard.Seat seat = WaitBoard.enter(memory, 0, WaitBoard.Waiting.CONDITION_SIGNAL);
        try {
            while ((memory.getLongVolatile(state(slot)) & SIGNALED) == 0) {
                if (!backoff.pause()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            if (leave(slot)) {
                signal(1);
            }
            throw e;
        } finally {
            seat.leave();
        }
        return leave(slot);
    }

    /**
     * Signals up to {@code n} waiters, longest waiting first, skipping (and freeing) the slots of
     * processes that have died.
     *
     * @return how many were signaled
     */
    int signal(int n) {
        long self = Liveness.self();
        int signaled = 0;
        while (signaled < n) {
            int slot = oldestWaiting();
            if (slot < 0) {
                break;
            }
            long state = memory.getLongVolatile(state(slot));
            long owner = memory.getLongVolatile(pid(slot));
            if (!isWaiting(state)) {
                continue;
            }
            if (owner != self && !Liveness.isAlive(owner)) {
                free(slot, state, owner);
            } else if (memory.compareAndSetLong(state(slot), state, state | SIGNALED)) {
                signaled++;
            }
        }
        return signaled;
    }

    /** The shared memory of the list: what {@link LockSurvey} identifies the condition by. */
    SharedRegion memory() {
        return memory;
    }

    /** How many threads wait and have not been signaled yet. */
    int waiting() {
        int waiting = 0;
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (isWaiting(memory.getLongVolatile(state(slot)))) {
                waiting++;
            }
        }
        return waiting;
    }

    private int claimSlot(long self) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (memory.compareAndSetLong(pid(slot), 0, self)) {
                return slot;
            }
        }
        for (int slot = 0; slot < CAPACITY; slot++) {
            long owner = memory.getLongVolatile(pid(slot));
            long state = memory.getLongVolatile(state(slot));
            if (owner != 0 && owner != self && !Liveness.isAlive(owner)
                    && memory.compareAndSetLong(state(slot), state, 0)
                    && memory.compareAndSetLong(pid(slot), owner, self)) {
                return slot;
            }
        }
        throw new IllegalStateException("more than " + CAPACITY + " threads wait on this Condition at once");
    }

    /** Takes the caller off the list; returns whether it had been signaled. */
    private boolean leave(int slot) {
        long state;
        do {
            state = memory.getLongVolatile(state(slot));
        } while (!memory.compareAndSetLong(state(slot), state, 0));
        memory.setLongVolatile(pid(slot), 0);
        return (state & SIGNALED) != 0;
    }

    /** Frees the slot of a dead waiter, unless someone else changed it meanwhile. */
    private void free(int slot, long state, long owner) {
        if (memory.compareAndSetLong(state(slot), state, 0)) {
            memory.compareAndSetLong(pid(slot), owner, 0);
        }
    }

    private int oldestWaiting() {
        int oldest = -1;
        long oldestState = Long.MAX_VALUE;
        for (int slot = 0; slot < CAPACITY; slot++) {
            long state = memory.getLongVolatile(state(slot));
            if (isWaiting(state) && state < oldestState) {
                oldest = slot;
                oldestState = state;
            }
        }
        return oldest;
    }

    private static boolean isWaiting(long state) {
        return state != 0 && (state & SIGNALED) == 0;
    }

    private static int state(int slot) {
        return FIRST_SLOT + slot * SLOT_SIZE + STATE;
    }

    private static int pid(int slot) {
        return FIRST_SLOT + slot * SLOT_SIZE + PID;
    }
}
