package org.proclab.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.proclab.kernel.protocol.DebugReply;
import org.proclab.kernel.protocol.DebugRequest;

/**
 * How the kernel, which has no debugger, answers the Jupyter debug protocol. {@code kernel_info} says
 * {@code debugger: false} and the kernelspec claims none, so JupyterLab offers no debugger; a front end that
 * asks anyway gets a {@code debug_reply} to each {@code debug_request} at once, so nothing waits for an
 * answer that never comes. Every request fails with a message saying why; the two JupyterLab sends by
 * itself to a kernel it may debug get bodies it can read: {@code debugInfo} the state of a debugger that is
 * not running and has no breakpoints (with the fields the messaging spec requires, such as how cells would
 * be named), {@code modules} no modules (decision 039).
 */
final class NoDebugger {
    static final String MESSAGE = "ProcLab has no debugger";

    private final AtomicInteger sequence = new AtomicInteger();

    /** The answer to one request. */
    DebugReply answer(DebugRequest request) {
        Map<String, Object> body = switch (String.valueOf(request.command())) {
            case "debugInfo" -> Map.of("isStarted", false, "breakpoints", List.of(), "stoppedThreads", List.of(),
                    "hashMethod", "Murmur2", "hashSeed", 0, "tmpFilePrefix", "cell-", "tmpFileSuffix", ".java",
                    "richRendering", false, "exceptionPaths", List.of());
            case "modules" -> Map.of("modules", List.of(), "totalModules", 0);
            default -> Map.of();
        };
        return new DebugReply("response", sequence.incrementAndGet(), request.seq(), false, request.command(),
                MESSAGE, body);
    }
}
