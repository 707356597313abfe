package org.proclab.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.proclab.display.Comm;
import org.proclab.display.CommChannel;
import org.proclab.engine.exec.CellThreadGroup;
import org.proclab.kernel.protocol.CommClose;
import org.proclab.kernel.protocol.CommInfoRequest;
import org.proclab.kernel.protocol.CommMsg;
import org.proclab.kernel.protocol.CommOpen;
import org.proclab.kernel.protocol.MessageTypes;
import org.proclab.kernel.wire.Message;

/**
 * The kernel's comms (Jupyter's {@code comm_*} messages): the ones cells opened and the ones the
 * front end opened to targets that cells registered.
 *
 * <p>Each comm belongs to the cell that opened it, or that registered its target: its handlers run
 * in a thread of that cell, so what they print and what they throw shows in that cell, as for any
 * thread the cell started. Messages from the front end are handled one at a time, in order, on the
 * kernel's comm thread and not on the shell thread, so they reach their handlers while a cell runs.
 * What a handler sends answers the comm message it handles; anything else sent answers the
 * {@code execute_request} of the cell the sending thread's output goes to, and comes after what the sending thread's cell printed before: an
 * {@code Output} widget, told which request's output to take, gets exactly what was printed while
 * it captured.
 */
final class Comms implements CommChannel {
    private static final System.Logger LOG = System.getLogger(Comms.class.getName());

    /** An open comm and the cell it belongs to (null: none, when it was opened outside any cell). */
    private record Owned(Comm comm, CellThreadGroup cell) {
    }

    /** A target cells registered, with the cell that registered it. */
    private record Target(BiConsumer<Comm, Map<String, Object>> opened, CellThreadGroup cell) {
    }

    /** The cell that the calling thread's output goes to, as far as comms need to know it. */
    interface CallerCell {
        /** Sends what that cell has printed so far, so that a comm message sent next arrives after it. */
        void flushOutput();

        /** That cell's {@code execute_request}, under which its output is sent; null before any cell. */
        Message request();
    }

    private final Consumer<Message> iopub;
    private final CallerCell callerCell;
    private final Map<String, Owned> open = new ConcurrentHashMap<>();
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    /** The comm message being handled and the thread that handles it; null between messages. */
    private volatile Handling handling;

    private record Handling(Message message, Thread thread) {
    }

    /**
     * @param iopub where {@code comm_open}, {@code comm_msg} and {@code comm_close} are published
     * @param callerCell the cell of the thread that sends
     */
    Comms(Consumer<Message> iopub, CallerCell callerCell) {
        this.iopub = iopub;
        this.callerCell = callerCell;
    }

    @Override
    public void open(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
        open.put(comm.id(), new Owned(comm, CellThreadGroup.of(Thread.currentThread())));
        publish(MessageTypes.COMM_OPEN, new CommOpen(comm.id(), comm.targetName(), copy(data), null), metadata);
    }

    @Override
    public void send(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
        publish(MessageTypes.COMM_MSG, new CommMsg(comm.id(), copy(data)), metadata);
    }

    @Override
    public void close(Comm comm, Map<String, ?> data) {
        open.remove(comm.id());
        publish(MessageTypes.COMM_CLOSE, new CommClose(comm.id(), copy(data)), Map.of());
    }

    @Override
    public String currentRequestId() {
        Message request = callerCell.request();
        return request == null ? null : request.header().msgId();
    }

    @Override
    public void registerTarget(String targetName, BiConsumer<Comm, Map<String, Object>> opened) {
        targets.put(targetName, new Target(opened, CellThreadGroup.of(Thread.currentThread())));
    }

    /** The open comms, as {@code comm_info_reply} lists them: all, or those of one target. */
    Map<String, Map<String, String>> info(CommInfoRequest request) {
        Map<String, Map<String, String>> comms = new LinkedHashMap<>();
        open.forEach((id, owned) -> {
            if (request.targetName() == null || request.targetName().equals(owned.comm().targetName())) {
                comms.put(id, Map.of("target_name", owned.comm().targetName()));
            }
        });
        return comms;
    }

    /** Handles a {@code comm_open}, {@code comm_msg} or {@code comm_close} from the front end. */
    void receive(Message message) {
        switch (message.type()) {
            case MessageTypes.COMM_OPEN -> openedByFrontEnd(message, message.content(CommOpen.class));
            case MessageTypes.COMM_MSG -> {
                CommMsg content = message.content(CommMsg.class);
                Owned owned = open.get(content.commId());
                if (owned == null) {
                    LOG.log(System.Logger.Level.WARNING, "comm_msg for unknown comm " + content.commId());
                } else {
                    runFor(owned.cell(), message, () -> owned.comm().receive(content.data()));
                }
            }
            case MessageTypes.COMM_CLOSE -> {
                CommClose content = message.content(CommClose.class);
                Owned owned = open.remove(content.commId());
                if (owned != null) {
                    runFor(owned.cell(), message, () -> owned.comm().closedByFrontEnd(content.data()));
                }
            }
            default -> throw new IllegalArgumentException("not a comm message: " + message.type());
        }
    }

    /**
     * A comm the front end opened: given to its target's handler, or, when no cell registered that
     * target, closed again at once, as ipykernel does, so the front end does not wait on it.
     */
    private void openedByFrontEnd(Message message, CommOpen content) {
        Target target = targets.get(content.targetName());
        if (target == null) {
            LOG.log(System.Logger.Level.WARNING, "comm_open for unregistered target " + content.targetName());
            iopub.accept(message.reply(MessageTypes.COMM_CLOSE, new CommClose(content.commId(), Map.of())));
            return;
        }
        Comm comm = Comm.openedByFrontEnd(content.commId(), content.targetName());
        open.put(comm.id(), new Owned(comm, target.cell()));
        runFor(target.cell(), message, () -> target.opened().accept(comm, content.data()));
    }

    /**
     * Runs a handler in a thread of the comm's cell and waits for it, so messages are handled in
     * order; with no cell, on this thread, where an exception is reported like a printed error.
     */
    private void runFor(CellThreadGroup cell, Message message, Runnable handler) {
        try {
            if (cell == null) {
                handling = new Handling(message, Thread.currentThread());
                try {
                    handler.run();
                } catch (RuntimeException e) {
                    System.err.println("A comm handler failed: " + e);
                }
                return;
            }
            Thread thread = new Thread(cell, handler, "proclab-comm-handler");
            handling = new Handling(message, thread);
            thread.start();
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            handling = null;
        }
    }

    private void publish(String type, Object content, Map<String, ?> metadata) {
        callerCell.flushOutput();
        Message parent = parent();
        iopub.accept(parent != null ? parent.reply(type, content, metadata) : Message.broadcast(type, content, metadata));
    }

    /**
     * What a message sent now answers: for the handler's own thread, the comm message it handles;
     * for any other thread, the {@code execute_request} of the cell its output goes to.
     */
    private Message parent() {
        Handling now = handling;
        return now != null && now.thread() == Thread.currentThread() ? now.message() : callerCell.request();
    }

    /** A copy the sender cannot change while it is being sent; null values are kept, as JSON has them. */
    private static Map<String, Object> copy(Map<String, ?> data) {
        return data == null ? Map.of() : new LinkedHashMap<>(data);
    }
}
