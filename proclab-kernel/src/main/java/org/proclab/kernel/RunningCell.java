package org.proclab.kernel;

import org.proclab.engine.io.CellOutput;
import org.proclab.kernel.protocol.ExecuteRequest;
import org.proclab.kernel.wire.Message;

/** The cell being executed: its request message, the parsed request and where its output goes. */
record RunningCell(Message message, ExecuteRequest request, int executionCount, CellOutput output) {
}
