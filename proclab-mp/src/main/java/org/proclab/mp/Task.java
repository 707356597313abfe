package org.proclab.mp;

import java.io.Serializable;

/**
 * The code a {@link Process} runs in its child JVM. It is {@link Serializable}, so a lambda
 * written where a {@code Task} is expected can travel to the child together with the values it
 * captures: {@code new Process(() -> greet(name))}. It may throw; an exception ends the child with
 * exit code 1 and its stack trace appears in the parent's stderr.
 */
@FunctionalInterface
public interface Task extends Serializable {
    void run() throws Exception;
}
