package org.proclab.mp;

import org.proclab.mp.spawn.Serialization;

/**
 * The functions this pool worker was sent ({@link PoolJobs.Remember}), for the chunks that name
 * them by id. Lives in the worker JVM; a worker runs one job at a time, on one thread.
 */
final class WorkerFunctions {
    private static final FunctionMemory<Object> MEMORY = new FunctionMemory<>();

    private WorkerFunctions() {
    }

    /**
     * Reads and keeps a function. A function that cannot be read is kept as its failure, which the
     * chunks that use it then report.
     */
    static synchronized void remember(long id, byte[] function) {
        Object value;
        try {
            value = Serialization.fromBytes(function, Thread.currentThread().getContextClassLoader());
        } catch (Exception | LinkageError e) {
            value = new Unreadable(e);
        }
        MEMORY.put(id, value);
    }

    /** The function remembered under {@code id}, or the failure that reading it met. */
    @SuppressWarnings("unchecked")
    static synchronized <F> F get(long id) throws Exception {
        Object value = MEMORY.use(id);
        if (value == null) {
            throw new IllegalStateException("this worker was never sent the pool's function " + id);
        }
        if (value instanceof Unreadable unreadable) {
            unreadable.rethrow();
        }
        return (F) value;
    }

    /** Why a function could not be read in this worker. */
    private record Unreadable(Throwable failure) {
        void rethrow() throws Exception {
            if (failure instanceof Exception exception) {
                throw exception;
            }
            throw (Error) failure;
        }
    }
}
