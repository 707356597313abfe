package org.proclab.mp.spawn;

/**
 * The heap, the limit of live children and the reservoir that {@link ChildSettings#defaults()}
 * starts with, sized from the session's limits (decision 029).
 *
 * @param heap            the heap cap of each child, as for {@code -Xmx}
 * @param maxLiveChildren how many children may be alive at once
 * @param reservoirSize   how many warm JVMs wait at least
 * @param memory          the memory limit's budget they fit, or null without a memory limit
 */
record ChildSizing(String heap, int maxLiveChildren, int reservoirSize, MemoryBudget memory) {
    /** The heap of children where memory is no concern: most tasks use far less. */
    static final String USUAL_HEAP = "256m";
    /** Waiting JVMs cost memory on a shared server, so even a machine of many cores keeps no more than this. */
    static final int MOST_WAITING = 4;

    /**
     * The sizes for {@code memory} (null: no memory limit) and {@code processors} (the CPU limit, else
     * the machine's), unless {@code heap} or {@code maxLive} (null: not given, e.g. as the system
     * properties {@code proclab.child.heap} and {@code proclab.child.max}) say otherwise.
     *
     * <p>Without a memory limit: a heap of 256m, 4 × processors live children and a reservoir of the
     * processors, at most 4. With one: the heap and the number of children of {@link MemoryBudget}
     * (no more than 4 × processors), and a reservoir no larger than what fits next to a
     * {@code new Pool()}, so that waiting JVMs do not hold memory a running pool needs.
     */
    static ChildSizing of(MemoryBudget memory, int processors, String heap, Integer maxLive) {
        int waiting = Math.min(MOST_WAITING, processors);
        if (memory == null) {
            return new ChildSizing(heap != null ? heap : USUAL_HEAP, maxLive != null ? maxLive : 4 * processors,
                    waiting, null);
        }
        String sizedHeap = heap != null ? heap : memory.heapMib(processors) + "m";
        int fit = MemoryBudget.mibOf(sizedHeap).stream().mapToObj(memory::children).findFirst().orElse(4 * processors);
        int live = maxLive != null ? maxLive : Math.min(4 * processors, fit);
        return new ChildSizing(sizedHeap, live, Math.max(0, Math.min(waiting, live - processors)), memory);
    }
}
