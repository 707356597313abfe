package org.proclab.mp.shm;

/**
 * The processes that use one side of a {@link ByteRing} (its senders, or its receivers), kept in
 * shared memory so that any process can ask whether every one of them has ended.
 *
 * <p>That question is how a queue avoids waiting forever: a {@code put} on a full queue whose
 * readers have all ended fails, and a pipe's {@code recv} reports end-of-file when everyone who
 * used the other end has ended or closed it. A process adds itself the first time it uses the
 * side and removes itself when it closes its handle; a pid that has ended simply stays until its
 * slot is needed again.
 *
 * <p>Layout at {@code offset}: an int "ever used" (1 once any pid was added), an int "overflow"
 * (1 once a pid found no slot: from then on nobody can tell that all have ended, so
 * {@link #allEnded()} answers false), then {@value #SLOT_COUNT} pid slots of 8 bytes (0 = free).
 */
public final class PidTable {
    /** Bytes the table takes in its region. */
    static final int SIZE = 256;
    private static final int EVER_USED = 0;
    private static final int OVERFLOW = 4;
    private static final int SLOTS = 8;
    private static final int SLOT_COUNT = (SIZE - SLOTS) / Long.BYTES;

    private final SharedRegion memory;
    private final int offset;

    /** The table stored at {@code offset} of {@code memory} (8-byte aligned, {@link #SIZE} bytes). */
    PidTable(SharedRegion memory, int offset) {
        this.memory = memory;
        this.offset = offset;
    }

    /** Records that process {@code pid} uses this side; recording it twice is harmless. */
    public void add(long pid) {
        if (!contains(pid) && !claimSlot(pid, false) && !claimSlot(pid, true)) {
            memory.setIntVolatile(offset + OVERFLOW, 1);
        }
        memory.setIntVolatile(offset + EVER_USED, 1);
    }

    /** Forgets process {@code pid}: it closed its handle and will not use this side any more. */
    public void remove(long pid) {
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            memory.compareAndSetLong(slotOffset(slot), pid, 0);
        }
    }

    /**
     * Whether some process used this side and every process that did has ended or closed its
     * handle since. False while nobody has used it yet: a process may still be on its way.
     */
    public boolean allEnded() {
        if (memory.getIntVolatile(offset + EVER_USED) == 0 || memory.getIntVolatile(offset + OVERFLOW) != 0) {
            return false;
        }
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            if (Liveness.isAlive(memory.getLongVolatile(slotOffset(slot)))) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(long pid) {
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            if (memory.getLongVolatile(slotOffset(slot)) == pid) {
                return true;
            }
        }
        return false;
    }

    /** Takes a free slot, or with {@code reuseEnded} the slot of a process that has ended. */
    private boolean claimSlot(long pid, boolean reuseEnded) {
        for (int slot = 0; slot < SLOT_COUNT; slot++) {
            long current = memory.getLongVolatile(slotOffset(slot));
            boolean claimable = current == 0 || reuseEnded && !Liveness.isAlive(current);
            if (claimable && memory.compareAndSetLong(slotOffset(slot), current, pid)) {
                return true;
            }
        }
        return false;
    }

    private int slotOffset(int slot) {
        return offset + SLOTS + slot * Long.BYTES;
    }
}
