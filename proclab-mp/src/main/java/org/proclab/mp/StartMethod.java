package org.proclab.mp;

import org.proclab.mp.spawn.ChildJvm;
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
 *
 * <p>Each constant is the strategy itself: it obtains the JVM a new child runs in.
 */
public enum StartMethod {
    SPAWN {
        @Override
        ChildJvm obtain(String what) {
            return ChildJvm.start(what);
        }

        @Override
        void prepare(int size) {
            // nothing waits ahead of time
        }

        /** The waiting JVMs are of no use any more: their memory is given back. */
        @Override
        void chosen() {
            Reservoir.shared().drain();
        }
    },
    WARM {
        /** A waiting JVM if one is there, else one started now, as {@link #SPAWN} does. */
        @Override
        ChildJvm obtain(String what) {
            ChildJvm waiting = Reservoir.shared().take();
            return waiting != null ? waiting : SPAWN.obtain(what);
        }

        @Override
        void prepare(int size) {
            Reservoir.shared().keepReady(Math.max(size, SpawnConfig.reservoirSize()));
        }

        /** The reservoir starts filling at once. */
        @Override
        void chosen() {
            prepare(0);
        }
    };

    /**
     * The JVM a new child named {@code what} runs in; returns as soon as the OS process exists.
     *
     * @throws org.proclab.mp.spawn.ChildStartException when none can be started
     */
    abstract ChildJvm obtain(String what);

    /** Called after {@code size} children were started together: WARM keeps at least as many waiting. */
    abstract void prepare(int size);

    /** Called when this becomes the start method of new processes. */
    abstract void chosen();
}
