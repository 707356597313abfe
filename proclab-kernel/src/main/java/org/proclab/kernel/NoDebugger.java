package org.proclab.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.proclab.kernel.protocol.DebugReply;
import org.proclab.kernel.protocol.DebugRequest;

/**
 * How the kernel, which has no debugger, answers the Jupyter debug protocol. {@code kernel_info} says
 * {@code debugger: false} and the kernelspec claims none, yet a front end may still ask (JupyterLab does when
 * it cannot find a kernel's spec): each {@code debug_request} gets a {@code debug_reply} at once, so nothing
 * waits for an answer that never comes. Every request fails with a message saying why; {@code debugInfo},
 * which a front end asks before it offers the debugger, is answered with the state of a debugger that is not
 * running and has no breakpoints, which the front end takes as "nothing to restore".
 */
final class NoDebugger {
    static final String MESSAGE = "ProcLab has no debugger";

    private final AtomicInteger sequence = new AtomicInteger();

    /** The answer to one request. */
    DebugReply answer(DebugRequest request) {
        Map<String, Object> body = "debugInfo".equals(request.command())
                ? Map.of("isStarted", false, "breakpoints", List.of(), "stoppedThreads", List.of())
                : Map.of();
        return new DebugReply("response", sequence.incrementAndGet(), request.seq(), false, request.command(),
                MESSAGE, body);
    }
}
