package org.proclab;

import org.proclab.kernel.protocol.Status;

/**
 * Deliberately wrong, for {@code LayeringViolationsTest}: a class of the app layer, which may use the
 * kernel, building one of the front end's Jupyter messages itself.
 */
final class SendsStatus {
    private SendsStatus() {
    }

    static Status busy() {
        return new Status("busy");
    }
}
