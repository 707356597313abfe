package org.proclab.mp;

import org.proclab.mp.spawn.ChildStartException;
import org.proclab.mp.spawn.JobLostException;
import org.proclab.mp.spawn.RemoteTraceException;
import org.proclab.mp.spawn.UnserializableValueException;

/**
 * Turns failures into the exceptions a user catches. Those live in this package, which uses the
 * spawn package and so cannot be named by it (decision 026, no package cycles): a failure of the spawn layer is
 * rethrown here in the user's type, with the same message.
 */
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

    /**
     * The exception a user sees for {@code failure}: a failure of the spawn layer in this package's
     * type ({@link ProcessStartException}, {@link ChildDiedException}, {@link RemoteException},
     * {@link NotSerializableValueException}), anything else as it is.
     */
    static Throwable userFacing(Throwable failure) {
        if (failure instanceof ChildStartException start) {
            return new ProcessStartException(start.getMessage(), start.getCause());
        }
        if (failure instanceof JobLostException lost) {
            return new ChildDiedException(lost.getMessage());
        }
        if (failure instanceof RemoteTraceException remote) {
            return new RemoteException(remote.remoteType(), remote.remoteMessage(), remote.remoteTrace());
        }
        if (failure instanceof UnserializableValueException unserializable) {
            return new NotSerializableValueException(unserializable.getMessage(), unserializable.getCause(),
                    unserializable.offendingType());
        }
        return failure;
    }

    /** {@link #userFacing(Throwable)} for a failure thrown at the caller. */
    static RuntimeException userFacing(RuntimeException failure) {
        return (RuntimeException) userFacing((Throwable) failure);
    }
}
