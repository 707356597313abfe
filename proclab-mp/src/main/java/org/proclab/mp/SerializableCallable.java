package org.proclab.mp;

import java.io.Serializable;

/**
 * A computation a {@link Pool} can run in a worker: {@code () -> fib(30)}.
 * It is {@link Serializable}, so a lambda travels to the worker with the values it captures.
 */
@FunctionalInterface
public interface SerializableCallable<R> extends Serializable {
    R call() throws Exception;
}
