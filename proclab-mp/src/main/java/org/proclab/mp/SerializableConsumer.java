package org.proclab.mp;

import java.io.Serializable;

/**
 * An action on one item that a {@link Pool} can send to its workers: {@code n -> System.out.println(n)}.
 * It is {@link Serializable}, so a lambda travels to the worker with the values it captures.
 */
@FunctionalInterface
public interface SerializableConsumer<T> extends Serializable {
    void accept(T value) throws Exception;
}
