package org.proclab.kernel;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.proclab.engine.Session;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.DisplayPublisher;
import org.proclab.engine.io.StdinBridge;
import org.proclab.engine.io.StreamPublisher;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.kernel.protocol.DisplayData;
import org.proclab.kernel.protocol.ErrorContent;
import org.proclab.kernel.protocol.ExecuteInput;
import org.proclab.kernel.protocol.ExecuteReply;
import org.proclab.kernel.protocol.ExecuteRequest;
import org.proclab.kernel.protocol.ExecuteResult;
import org.proclab.kernel.protocol.MessageTypes;
import org.proclab.kernel.protocol.MimeData;
import org.proclab.kernel.protocol.Stream;
import org.proclab.kernel.wire.Message;

/**
 * Handles {@code execute_request}: counts executions, broadcasts the input, runs the cell with
 * its output routed to it, then broadcasts the result or the error and builds the reply.
 *
 * <p>Every rich output (the user's {@code display}, magics' tables and timelines, explanations,
 * progress bars) goes through the cell's {@link CellOutput#display}, which sends it as built by
 * {@link #displaysFor}: one path to {@code display_data} and {@code update_display_data}.
 *
 * <p>Runs on the shell thread only.
 */
final class CellExecutor {
    private final Supplier<Session> session;
    private final Consumer<Message> iopub;
    private final StdinBridge stdin;
    private final InputChannel input;
    private final History history;
    private final ScheduledExecutorService outputTimer;
    private final CellRequests requests;
    private int executionCount;

    CellExecutor(Supplier<Session> session, Consumer<Message> iopub, StdinBridge stdin, InputChannel input,
                 History history, ScheduledExecutorService outputTimer, CellRequests requests) {
        this.session = session;
        this.requests = requests;
        this.iopub = iopub;
        this.stdin = stdin;
        this.input = input;
        this.history = history;
        this.outputTimer = outputTimer;
    }

    /** Runs the cell and returns the content of the {@code execute_reply}. */
    ExecuteReply execute(Message message) {
        ExecuteRequest request = message.content(ExecuteRequest.class);
        if (request.storesHistory()) {
            executionCount++;
            history.add(executionCount, request.code());
        }
        int count = executionCount;
        if (!request.silent()) {
            iopub.accept(message.reply(MessageTypes.EXECUTE_INPUT, new ExecuteInput(request.code(), count)));
        }
        CellOutput output = new CellOutput(publisherFor(message, request.silent()),
                displaysFor(message, request.silent()), outputTimer, CellOutput.DEFAULT_LIMIT_BYTES);
        requests.register(output, message);
        RunningCell cell = new RunningCell(message, request, count, output);
        Evaluation evaluation = session.get().run(request.code(), count, output, new Session.CellHooks() {
            @Override
            public void started() {
                stdin.discardBuffered();
                input.cellStarted(cell);
            }

            @Override
            public void finished() {
                input.cellFinished();
            }
        });
        if (evaluation instanceof Evaluation.Failed failed) {
            ErrorContent error = ErrorContent.of(failed.error());
            if (!request.silent()) {
                iopub.accept(message.reply(MessageTypes.ERROR, error));
            }
            return ExecuteReply.error(count, error);
        }
        Map<String, String> shown = ((Evaluation.Completed) evaluation).bundle();
        if (shown != null && request.storesHistory()) {
            history.setOutput(count, shown.get("text/plain"));
        }
        if (shown != null && !request.silent()) {
            iopub.accept(message.reply(MessageTypes.EXECUTE_RESULT, new ExecuteResult(count, MimeData.of(shown), Map.of())));
        }
        return ExecuteReply.ok(count);
    }

    /** The reply for a request skipped because an earlier cell failed. */
    ExecuteReply aborted() {
        return ExecuteReply.aborted(executionCount);
    }

    private StreamPublisher publisherFor(Message message, boolean silent) {
        if (silent) {
            return (stream, text) -> { };
        }
        return (stream, text) -> iopub.accept(message.reply(MessageTypes.STREAM, new Stream(stream.wireName(), text)));
    }

    /** Rich outputs of the cell as {@code display_data} or {@code update_display_data} under its request. */
    private DisplayPublisher displaysFor(Message message, boolean silent) {
        if (silent) {
            return (bundle, displayId, update) -> { };
        }
        return (bundle, displayId, update) -> {
            DisplayData content = displayId == null ? DisplayData.of(bundle) : DisplayData.updatable(bundle, displayId);
            iopub.accept(message.reply(update ? MessageTypes.UPDATE_DISPLAY_DATA : MessageTypes.DISPLAY_DATA, content));
        };
    }
}
