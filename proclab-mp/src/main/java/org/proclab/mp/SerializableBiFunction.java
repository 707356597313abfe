package org.proclab.mp;

import java.io.Serializable;

/**
 * A two-argument function for {@link Pool#starmap}: {@code (a, b) -> a * b}.
 * It is {@link Serializable}, so a lambda travels to the worker with the values it captures.
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends Serializable {
    R apply(A first, B second) throws Exception;
}
