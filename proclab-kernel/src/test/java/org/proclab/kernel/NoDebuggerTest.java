package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.proclab.kernel.protocol.DebugReply;
import org.proclab.kernel.protocol.DebugRequest;
import org.proclab.kernel.wire.Json;

/** The answers of a kernel without a debugger to the debug protocol, as they go on the wire. */
class NoDebuggerTest {

    // debugInfo is answered with a debugger that is not running and has no breakpoints, under DAP's own keys.
    @Test
    void debugInfoSaysNothingIsStarted() {
        Map<?, ?> wire = Json.MAPPER.convertValue(new NoDebugger().answer(new DebugRequest(7, "debugInfo")), Map.class);
        assertEquals("response", wire.get("type"));
        assertEquals(7, wire.get("request_seq"));
        assertEquals(false, wire.get("success"));
        Map<?, ?> body = (Map<?, ?>) wire.get("body");
        assertEquals(false, body.get("isStarted"));
        assertEquals(List.of(), body.get("breakpoints"));
        assertEquals(List.of(), body.get("stoppedThreads"));
        assertEquals("Murmur2", body.get("hashMethod"));
    }

    // modules, which JupyterLab asks after every cell of a kernel it may debug, lists none.
    @Test
    void modulesListsNone() {
        DebugReply reply = new NoDebugger().answer(new DebugRequest(3, "modules"));
        assertEquals(List.of(), reply.body().get("modules"));
        assertFalse(reply.success());
    }

    // Any other request fails, saying why, and each answer has a number of its own.
    @Test
    void otherRequestsFailWithTheReason() {
        NoDebugger debugger = new NoDebugger();
        DebugReply first = debugger.answer(new DebugRequest(1, "initialize"));
        DebugReply second = debugger.answer(new DebugRequest(2, "attach"));
        assertFalse(first.success());
        assertEquals("initialize", first.command());
        assertEquals(NoDebugger.MESSAGE, first.message());
        assertEquals(Map.of(), first.body());
        assertNotEquals(first.seq(), second.seq());
    }
}
