package org.proclab.mp;

import org.proclab.mp.spawn.Reservoir;
import org.proclab.mp.spawn.SpawnConfig;

/**
 * How a new child process comes to life, like Python's start methods.
 *
 * <ul>
 *   <li>{@link #SPAWN} (the default): a fresh JVM for every process, like Python's {@code spawn}.
 *       Slow to start (a JVM boots), nothing shared.</li>
 *   <li>{@link #WARM}: a JVM that was started ahead of time and waits, warmed up, in a reservoir
 *       the kernel keeps ready, like Python's {@code forkserver}. Fast to start; the child still
 *       gets nothing but what its task needs.</li>
 * </ul>
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
}
