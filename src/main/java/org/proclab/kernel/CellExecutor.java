package org.proclab.kernel;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.proclab.kernel.io.CellOutput;
import org.proclab.kernel.io.OutputRouter;
import org.proclab.kernel.io.StdinBridge;
import org.proclab.kernel.io.StreamName;
import org.proclab.kernel.io.StreamPublisher;
import org.proclab.kernel.jshell.Evaluation;
import org.proclab.kernel.jshell.JavaEvaluator;
import org.proclab.kernel.protocol.DisplayData;
import org.proclab.kernel.protocol.ExecuteInput;
import org.proclab.kernel.protocol.ExecuteReply;
import org.proclab.kernel.protocol.ExecuteRequest;
import org.proclab.kernel.protocol.ExecuteResult;
import org.proclab.kernel.protocol.MessageTypes;
import org.proclab.kernel.protocol.Stream;
import org.proclab.kernel.wire.Message;
import org.proclab.magic.CellClock;
import org.proclab.magic.ExplainMagic;
import org.proclab.magic.MagicOutput;
import org.proclab.magic.MagicRegistry;
import org.proclab.magic.MagicRunner;
import org.proclab.mp.ProgressReporter;

/**
 * Handles {@code execute_request}: counts executions, broadcasts the input, runs the cell with
 * its output routed to it, then broadcasts the result or the error and builds the reply.
 *
 * <p>Runs on the shell thread only.
 */
final class CellExecutor {
    private final Supplier<JavaEvaluator> evaluator;
    private final Supplier<ChildSupervisor> children;
    private final Consumer<Message> iopub;
    private final OutputRouter router;
    private final StdinBridge stdin;
    private final InputChannel input;
    private final History history;
    private final ScheduledExecutorService outputTimer;
    private final ExplainMagic explain = new ExplainMagic();
    private final MagicRunner magics;
    private volatile Message running;
    private int executionCount;

    CellExecutor(Supplier<JavaEvaluator> evaluator, Supplier<ChildSupervisor> children, Consumer<Message> iopub, OutputRouter router,
                 StdinBridge stdin, InputChannel input, History history, ScheduledExecutorService outputTimer) {
        this.evaluator = evaluator;
        this.children = children;
        this.iopub = iopub;
        this.router = router;
        this.stdin = stdin;
        this.input = input;
        this.history = history;
        this.outputTimer = outputTimer;
        MagicRegistry registry = MagicRegistry.standard();
        registry.add(explain);
        this.magics = new MagicRunner(registry, () -> evaluator.get().classPath());
        ProgressReporter.use(new CellProgressBars(() -> running, iopub));
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
        CellOutput output = new CellOutput(publisherFor(message, request.silent()), outputTimer,
                CellOutput.DEFAULT_LIMIT_BYTES);
        RunningCell cell = new RunningCell(message, request, count, output);
        stdin.discardBuffered();
        router.cellStarted(output);
        input.cellStarted(cell);
        long cellStart = System.nanoTime();
        CellClock.cellStarted();
        running = request.silent() ? null : message;
        Evaluation evaluation;
        try {
            JavaEvaluator java = evaluator.get();
            evaluation = magics.run(request.code(), code -> java.evaluate(code, count, output),
                    magicOutput(message, request.silent(), output));
            children.get().cellFinished(output);
        } finally {
            running = null;
            input.cellFinished();
            output.finish();
            router.cellFinished();
        }
        Map<String, String> explanation = explain.explanationSince(cellStart);
        if (explanation != null && !request.silent()) {
            publishDisplay(message, explanation);
        }
        if (evaluation instanceof Evaluation.Failed failed) {
            if (!request.silent()) {
                iopub.accept(message.reply(MessageTypes.ERROR, failed.error()));
            }
            return ExecuteReply.error(count, failed.error());
        }
        String shown = ((Evaluation.Completed) evaluation).shown();
        if (shown != null && request.storesHistory()) {
            history.setOutput(count, shown);
        }
        if (shown != null && !request.silent()) {
            iopub.accept(message.reply(MessageTypes.EXECUTE_RESULT,
                    new ExecuteResult(count, Map.of("text/plain", shown), Map.of())));
        }
        return ExecuteReply.ok(count);
    }

    /** Where magics write: text to the cell's stdout, MIME bundles as {@code display_data} after the text so far. */
    private MagicOutput magicOutput(Message message, boolean silent, CellOutput output) {
        return MagicOutput.of(text -> output.writeText(StreamName.STDOUT, text), bundle -> {
            output.flush();
            if (!silent) {
                publishDisplay(message, bundle);
            }
        });
    }

    private void publishDisplay(Message message, Map<String, String> bundle) {
        iopub.accept(message.reply(MessageTypes.DISPLAY_DATA, DisplayData.of(bundle)));
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
}
