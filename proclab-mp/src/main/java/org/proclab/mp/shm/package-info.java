/**
 * Real shared memory between the processes of one ProcLab session: memory-mapped files in a
 * per-session directory, read and written with {@link java.lang.invoke.VarHandle}s, so that a
 * {@code Value}, a {@code Lock} or a {@code Queue} created in one process is the very same memory
 * in every process that receives it. Internal: cells use the classes of {@code org.proclab.mp}.
 */
package org.proclab.mp.shm;
