package org.proclab.mp;

import org.proclab.mp.spawn.ChildJvm;

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
 * Choose for the whole kernel with {@link Process#setStartMethod}, per pool with
 * {@code new Pool(4, StartMethod.WARM)}, or for what a context makes with {@link MpContext#get}.
 *
 * <p>Each constant is the strategy itself: it obtains the JVM a new child runs in.
 */
public enum StartMethod {
    SPAWN {
        @Override
        ChildJvm obtain(MpContext context, String what) {
            return ChildJvm.start(context.settings(), what);
        }

        @Override
        void prepare(MpContext context, int size) {
            // nothing waits ahead of time
        }

        /** The context's waiting JVMs are of no use any more: their memory is given back. */
        @Override
        void chosen(MpContext context) {
            context.reservoir().drain();
        }
    },
    WARM {
        /** A JVM waiting in the context's reservoir if one is there, else one started now, as {@link #SPAWN} does. */
        @Override
        ChildJvm obtain(MpContext context, String what) {
            ChildJvm waiting = context.reservoir().take();
            return waiting != null ? waiting : SPAWN.obtain(context, what);
        }

        @Override
        void prepare(MpContext context, int size) {
            context.reservoir().keepReady(Math.max(size, context.settings().reservoirSize()));
        }

        /** The reservoir starts filling at once. */
        @Override
        void chosen(MpContext context) {
            prepare(context, 0);
        }
    };

    /**
     * The JVM a new child named {@code what} runs in, started with {@code context}'s settings;
     * returns as soon as the OS process exists.
     *
     * @throws org.proclab.mp.spawn.ChildStartException when none can be started
     */
    abstract ChildJvm obtain(MpContext context, String what);

    /** Called after {@code size} children of {@code context} were started together: WARM keeps at least as many waiting. */
    abstract void prepare(MpContext context, int size);

    /** Called when this becomes the start method of {@code context}'s new processes. */
    abstract void chosen(MpContext context);
}
