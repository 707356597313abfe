package org.proclab.mp;

import java.io.Serializable;

/**
 * A function a {@link Pool} can send to its workers: {@code x -> x * x}.
 * It is {@link Serializable}, so a lambda travels to the worker with the values it captures.
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Serializable {
    R apply(T value) throws Exception;
}
