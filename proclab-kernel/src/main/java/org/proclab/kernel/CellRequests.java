package org.proclab.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.OutputRouter;
import org.proclab.kernel.wire.Message;

/**
 * Which request each cell's output answers. A thread's output goes to a cell (see
 * {@link OutputRouter}) and reaches the front end under that cell's {@code execute_request}; comms
 * sent from the thread must come after that output, and an {@code Output} widget must be told that
 * request to take the output in. Thread-safe; a finished cell's entry goes when its output does.
 */
final class CellRequests implements Comms.CallerCell {
    private final OutputRouter router;
    private final Map<CellOutput, Message> requests = Collections.synchronizedMap(new WeakHashMap<>());

    CellRequests(OutputRouter router) {
        this.router = router;
    }

    /** Records that {@code output} is sent under {@code request}, the cell's {@code execute_request}. */
    void register(CellOutput output, Message request) {
        requests.put(output, request);
    }

    @Override
    public void flushOutput() {
        CellOutput output = router.target();
        if (output != null) {
            output.flush();
        }
    }

    @Override
    public Message request() {
        CellOutput output = router.target();
        return output == null ? null : requests.get(output);
    }
}
