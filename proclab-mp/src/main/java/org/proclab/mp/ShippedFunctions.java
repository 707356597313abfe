package org.proclab.mp;

/**
 * The parent's record of which functions one worker JVM holds, kept in step with the worker's own
 * {@link WorkerFunctions} (see {@link FunctionMemory}): a chunk whose function the worker lacks is
 * preceded by a {@link PoolJobs.Remember}. A replaced worker starts with a fresh record.
 */
final class ShippedFunctions {
    private final FunctionMemory<Boolean> held = new FunctionMemory<>();

    /**
     * Whether the worker must be sent {@code function} before a chunk that uses it; either way the
     * function counts as used now, as the worker will count it when the chunk runs.
     */
    boolean needs(Pool.Shipment function) {
        if (held.use(function.id()) != null) {
            return false;
        }
        held.put(function.id(), Boolean.TRUE);
        return true;
    }
}
