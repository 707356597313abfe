package org.proclab.mp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of {@link Pool#applyAsync} or {@link Pool#mapAsync}, like Python's
 * {@code AsyncResult}: ask whether it is {@link #ready()}, then {@link #get()} it.
 */
public final class AsyncResult<T> {
    private final CompletableFuture<T> future;

    AsyncResult(CompletableFuture<T> future) {
        this.future = future;
    }

    /** Waits for the value; a task's exception is thrown here, with the child's stack trace. */
    public T get() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw Failures.asUnchecked(e.getCause());
        }
    }

    /** Waits at most {@code timeout}, then throws {@link TimeoutError}. */
    public T get(Duration timeout) throws InterruptedException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Failures.asUnchecked(e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutError("the result was not ready within " + timeout.toMillis() + " ms");
        }
    }

    /** Waits at most {@code timeout} without throwing; see {@link #ready()} afterwards. */
    public void await(Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the caller asks ready() or successful()
        }
    }

    public boolean ready() {
        return future.isDone();
    }

    /** Whether the task finished without an exception; only valid once {@link #ready()}. */
    public boolean successful() {
        if (!future.isDone()) {
            throw new IllegalStateException("the result is not ready yet");
        }
        return !future.isCompletedExceptionally();
    }
}
