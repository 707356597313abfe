package org.proclab.mp;

import org.proclab.mp.spawn.Reservoir;
import org.proclab.mp.spawn.SpawnConfig;

/**
 * How a new child process comes to life, like Python's start methods.
 *
 * <ul>
 *   <li>{@link #WARM} (the default, as {@code forkserver} is Python's on Linux since 3.14): a JVM
 *       that was started ahead of time and waits, warmed up, in a reservoir, which fills on the
 *       first start, grows to the largest burst of starts and empties after ten idle minutes.
 *       Fast to start; the child still gets nothing but what its task needs.</li>
 *   <li>{@link #SPAWN}: a fresh JVM for every process, like Python's {@code spawn}. No JVM waits
 *       for work, so no memory is held between experiments; each process pays a JVM's boot.</li>
 * </ul>
 * Either way {@code start()} returns at once and processes started together boot together
 * (docs/decisions/019-warm-is-the-default-start-method.md).
 * Choose for the whole kernel with {@link Process#setStartMethod}, or per pool with
 * {@code new Pool(4, StartMethod.WARM)}.
 */
public enum StartMethod {
    SPAWN, WARM;

    /** Makes sure the reservoir holds at least {@code size} waiting JVMs when this method is WARM. */
    void prepare(int size) {
        if (this == WARM) {
            Reservoir.shared().keepReady(Math.max(size, SpawnConfig.reservoirSize()));
        }
    }

    /**
     * Called when this becomes the start method of new processes: WARM starts filling the reservoir,
     * SPAWN retires the waiting JVMs, whose memory is then of no use.
     */
    void chosen() {
        if (this == WARM) {
            prepare(0);
        } else {
            Reservoir.shared().drain();
        }
    }
}
