package org.proclab.mp;

import org.proclab.mp.spawn.RemoteException;

/** Rethrows what a task threw in a child, keeping its type when Java allows it. */
final class Failures {
    private Failures() {
    }

    /** Unchecked exceptions and errors as they are; checked ones wrapped, keeping type and trace. */
    static RuntimeException asUnchecked(Throwable failure) {
        if (failure instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        RemoteException wrapped = new RemoteException(failure.getClass().getName(), failure.getMessage(), "");
        wrapped.initCause(failure);
        return wrapped;
    }
}
