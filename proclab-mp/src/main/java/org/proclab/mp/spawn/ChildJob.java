package org.proclab.mp.spawn;

import java.io.Serializable;

/**
 * A unit of work sent to a child JVM: the task of a {@code Process}, or one chunk of a
 * {@code Pool} call. It travels serialized, with the classes it needs loaded on demand.
 */
@FunctionalInterface
public interface ChildJob extends Serializable {
    /** Runs in the child; the value travels back to the parent (null for a process's task). */
    Object run() throws Exception;
}
