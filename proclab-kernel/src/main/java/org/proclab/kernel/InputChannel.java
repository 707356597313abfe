package org.proclab.kernel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.proclab.engine.io.LineSource;
import org.proclab.engine.io.StreamName;
import org.proclab.kernel.protocol.InputReply;
import org.proclab.kernel.protocol.InputRequest;
import org.proclab.kernel.protocol.MessageTypes;
import org.proclab.kernel.wire.Message;

/**
 * Asks the front end for a line of input on behalf of the running cell ({@code input_request} on
 * the stdin socket) and waits for the answer. The wait ends when the user answers, when the cell is
 * interrupted, or when the cell ends; it never outlives its cell.
 */
final class InputChannel implements LineSource {
    private final Consumer<Message> stdinSender;
    private volatile RunningCell cell;
    private CompletableFuture<String> pending;

    InputChannel(Consumer<Message> stdinSender) {
        this.stdinSender = stdinSender;
    }

    void cellStarted(RunningCell running) {
        cell = running;
    }

    synchronized void cellFinished() {
        cell = null;
        if (pending != null) {
            pending.completeExceptionally(new IOException("the cell that asked for input has ended"));
        }
    }

    @Override
    public String readLine() throws IOException {
        RunningCell running = cell;
        if (running == null) {
            throw new IOException("input is only available while a cell runs");
        }
        if (!running.request().stdinAllowed()) {
            String reason = "this front end does not accept input for this cell (allow_stdin is false)";
            running.output().writeText(StreamName.STDERR, "Note: the cell tried to read System.in, but " + reason + ".\n");
            throw new IOException(reason);
        }
        running.output().flush();
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (this) {
            pending = answer;
        }
        stdinSender.accept(running.message().reply(MessageTypes.INPUT_REQUEST, new InputRequest("", false)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("waiting for input was interrupted");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Receives what arrives on the stdin socket; only {@code input_reply} is expected. */
    synchronized void onStdinMessage(Message message) {
        if (MessageTypes.INPUT_REPLY.equals(message.type()) && pending != null) {
            pending.complete(message.content(InputReply.class).value());
            pending = null;
        }
    }
}
