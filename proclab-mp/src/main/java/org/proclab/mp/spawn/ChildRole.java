package org.proclab.mp.spawn;

/** What a child JVM is for: one {@code Process} task, or serving a {@code Pool}. */
public enum ChildRole {
    /** Runs one task, then exits with 0, 1 (exception) or the status the task asked for. */
    PROCESS,
    /** Runs jobs until told to stop. */
    POOL_WORKER
}
