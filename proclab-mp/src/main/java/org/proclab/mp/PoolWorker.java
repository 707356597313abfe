package org.proclab.mp;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import org.proclab.mp.spawn.ChildName;
import org.proclab.mp.spawn.ChildProcess;
import org.proclab.mp.spawn.ChildRole;
import org.proclab.mp.spawn.ChildStartException;
import org.proclab.mp.spawn.JobNotStartedException;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.mp.spawn.SpawnThreads;

/**
 * One worker of a {@link Pool} as the parent sees it: a feeder thread that takes chunks from the
 * pool's queue and sends them to its child JVM, keeping a few chunks in flight ({@link WorkAhead})
 * so the worker never waits for the next one. A child that dies is replaced before the next chunk;
 * the chunk it was running fails with an error that names it and how it ended, and chunks it had
 * not started go back to the front of the queue.
 */
final class PoolWorker {
    private final Pool pool;
    private final BlockingDeque<Pool.Chunk> queue;
    private final IdleFeeders idleFeeders;
    private final WorkAhead ahead = new WorkAhead();
    private final Thread feeder;
    private final CompletableFuture<Void> firstStart = new CompletableFuture<>();
    private volatile ChildProcess child;
    private ShippedFunctions functionsHeld = new ShippedFunctions();
    private int tasksDone;
    private long lastTaskDone = Long.MIN_VALUE;
    /** The feeder waits in {@link #takeChunk()}; guarded by this. */
    private boolean waitingForChunk;
    /** The feeder is counted in {@link #idleFeeders}; written under this, read by {@link IdleFeeders#awaitTurn}. */
    private volatile boolean countedIdle;

    PoolWorker(Pool pool, BlockingDeque<Pool.Chunk> queue, IdleFeeders idleFeeders, ChildName firstName) {
        this.pool = pool;
        this.queue = queue;
        this.idleFeeders = idleFeeders;
        this.feeder = SpawnThreads.newThread(() -> feed(firstName), "proclab-" + firstName.name() + "-feeder");
        feeder.setDaemon(true);
    }

    void start() {
        feeder.start();
    }

    /** Completes when the first child is up, or fails with the reason it could not start. */
    CompletableFuture<Void> started() {
        return firstStart;
    }

    ChildProcess child() {
        return child;
    }

    void kill() {
        ChildProcess current = child;
        if (current != null) {
            current.kill();
        }
    }

    void awaitEnd() throws InterruptedException {
        feeder.join();
        ChildProcess current = child;
        if (current != null) {
            current.exitCode().join();
        }
    }

    private void feed(ChildName firstName) {
        try {
            child = launch(firstName);
            firstStart.complete(null);
        } catch (RuntimeException e) {
            firstStart.completeExceptionally(e);
            return;
        }
        try {
            while (true) {
                ahead.reserve();
                Pool.Chunk chunk = takeChunk();
                if (chunk == Pool.Chunk.STOP) {
                    ahead.awaitOthers();
                    child.shutdown();
                    return;
                }
                send(chunk);
                sendWaitingChunks();
                child.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes the next chunk. While the feeder waits for it, it counts as idle whenever its worker has
     * nothing in flight (also from the moment the worker finishes a chunk), so that no other feeder
     * takes a chunk ahead meanwhile; a feeder whose worker is busy first lets idle ones go.
     */
    private Pool.Chunk takeChunk() throws InterruptedException {
        synchronized (this) {
            waitingForChunk = true;
        }
        countIdleIfWaiting();
        try {
            idleFeeders.awaitTurn(() -> countedIdle);
            return queue.take();
        } finally {
            synchronized (this) {
                waitingForChunk = false;
                if (countedIdle) {
                    countedIdle = false;
                    idleFeeders.leave();
                }
            }
        }
    }

    /** Counts this feeder as idle if it waits for a chunk and its worker has nothing in flight. */
    private synchronized void countIdleIfWaiting() {
        if (waitingForChunk && !countedIdle && ahead.onlyTheReservation()) {
            countedIdle = true;
            idleFeeders.enter();
        }
    }

    /**
     * Sends, in the same write, the chunks already waiting that the worker may take ahead: chunks of
     * tiny tasks then cost one system call and one wake-up per batch instead of one each. None while
     * an idle worker waits for a chunk.
     */
    private void sendWaitingChunks() throws InterruptedException {
        while (!idleFeeders.any() && ahead.tryReserve()) {
            Pool.Chunk next = queue.poll();
            if (next == null || next == Pool.Chunk.STOP) {
                if (next != null) {
                    queue.addFirst(next);
                }
                ahead.cancel();
                return;
            }
            send(next);
        }
    }

    /** Buffers a chunk for the worker (replacing the worker first if it died or retires); the caller flushes. */
    private void send(Pool.Chunk chunk) throws InterruptedException {
        if (pool.isTerminated()) {
            chunk.result().completeExceptionally(new IllegalStateException("the pool was terminated"));
            ahead.cancel();
            return;
        }
        if (!child.isAlive() || retiring()) {
            child.flush();
            ahead.awaitOthers();
            child.shutdown();
            try {
                child = launch(ChildName.next("SpawnPoolWorker"));
            } catch (RuntimeException e) {
                chunk.result().completeExceptionally(e);
                ahead.cancel();
                return;
            }
        }
        tasksDone++;
        long call = chunk.function() == null ? WorkAhead.SINGLE : chunk.function().id();
        ahead.pace(call);
        long sent = System.nanoTime();
        ChildProcess running = child;
        if (chunk.function() != null && functionsHeld.needs(chunk.function())) {
            running.submitBuffered(chunk.function().rememberJob(), chunk.loader());
        }
        running.submitBuffered(chunk.job(), chunk.loader()).whenComplete((value, failure) -> {
            boolean notStarted = failure instanceof JobNotStartedException;
            if (notStarted) {
                ahead.cancel();
            } else {
                ahead.done(call, recordTask(running, sent, chunk.label()));
            }
            countIdleIfWaiting();
            if (notStarted && !pool.isTerminated()) {
                queue.addFirst(chunk);
            } else if (notStarted) {
                chunk.result().completeExceptionally(new IllegalStateException("the pool was terminated"));
            } else if (failure != null) {
                chunk.result().completeExceptionally(Failures.userFacing(failure));
            } else {
                chunk.result().complete(value);
            }
        });
    }

    /**
     * Records the chunk for the timeline and returns how long the worker spent on it. The worker
     * runs its chunks one after the other, so a chunk began when it arrived or when the one before
     * it ended, whichever was later.
     */
    private long recordTask(ChildProcess worker, long sent, String label) {
        long done = System.nanoTime();
        synchronized (this) {
            long began = Math.max(sent, lastTaskDone);
            lastTaskDone = done;
            ProcessEvents.task(worker.name(), worker.pid(), began, done, label);
            return done - began;
        }
    }

    private boolean retiring() {
        return pool.maxTasksPerChild() > 0 && tasksDone >= pool.maxTasksPerChild();
    }

    /**
     * A new child for this worker, booted and connected, with the pool's initializer on its way.
     *
     * @throws ProcessStartException when it cannot start
     */
    private ChildProcess launch(ChildName name) {
        ChildProcess started;
        try {
            MpContext context = pool.context();
            started = ChildProcess.launch(pool.startMethod().obtain(context, name.name()), context.settings().classSource(),
                    name, ChildRole.POOL_WORKER, true, pool.creator());
            started.awaitReady();
        } catch (ChildStartException e) {
            throw Failures.userFacing(e);
        }
        tasksDone = 0;
        functionsHeld = new ShippedFunctions();
        byte[] initializer = pool.initializerJob();
        if (initializer != null) {
            started.submit(initializer, getClass().getClassLoader());
        }
        return started;
    }
}
