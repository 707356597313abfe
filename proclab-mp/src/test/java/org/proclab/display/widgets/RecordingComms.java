package org.proclab.display.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.proclab.display.Comm;
import org.proclab.display.CommChannel;

/**
 * A comm channel that records what would go to the front end, in order, for tests of the widget
 * protocol. Registered as a test's extension ({@code @RegisterExtension}), it is the installed channel
 * during each test and none after it.
 */
final class RecordingComms implements CommChannel, BeforeEachCallback, AfterEachCallback {
    /** One message to the front end: "open", "send" or "close", with its comm, data and metadata. */
    record Sent(String kind, Comm comm, Map<String, Object> data, Map<String, Object> metadata) {
        /** The {@code method} of a widget message ({@code update}, {@code echo_update}, {@code custom}). */
        Object method() {
            return data.get("method");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> state() {
            return (Map<String, Object>) data.get("state");
        }
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        CommChannel.install(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CommChannel.install(null);
    }

    private final Map<String, Comm> opened = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<Comm, Map<String, Object>>> targets = new ConcurrentHashMap<>();

    @Override
    public synchronized void open(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
        sent.add(new Sent("open", comm, new LinkedHashMap<>(data), new LinkedHashMap<>(metadata)));
        opened.put(comm.id(), comm);
    }

    @Override
    public synchronized void send(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
        sent.add(new Sent("send", comm, new LinkedHashMap<>(data), new LinkedHashMap<>(metadata)));
    }

    @Override
    public synchronized void close(Comm comm, Map<String, ?> data) {
        sent.add(new Sent("close", comm, new LinkedHashMap<>(data), Map.of()));
    }

    @Override
    public void registerTarget(String targetName, BiConsumer<Comm, Map<String, Object>> opened) {
        targets.put(targetName, opened);
    }

    @Override
    public String currentRequestId() {
        return "request-1";
    }

    /** The comm_open of the widget with this model id. */
    synchronized Sent openOf(String modelId) {
        return sent.stream().filter(s -> s.kind().equals("open") && s.comm().id().equals(modelId)).findFirst()
                .orElseThrow(() -> new AssertionError("no comm_open for " + modelId + " in " + sent));
    }

    /** The messages sent on the comm of {@code widget} after its comm_open. */
    synchronized List<Sent> messagesOf(Widget widget) {
        return sent.stream().filter(s -> s.kind().equals("send") && s.comm().id().equals(widget.modelId())).toList();
    }

    /** Forgets what was recorded so far (the comms stay open). */
    synchronized void forget() {
        sent.clear();
    }

    /** The messages sent on {@code comm}. */
    synchronized List<Sent> messagesOn(Comm comm) {
        return sent.stream().filter(s -> s.kind().equals("send") && s.comm() == comm).toList();
    }

    /** Opens a comm from the front end to a registered target, as the kernel does on its {@code comm_open}. */
    Comm openFromFrontEnd(String id, String targetName) {
        BiConsumer<Comm, Map<String, Object>> target = targets.get(targetName);
        if (target == null) {
            throw new AssertionError("no target " + targetName + " registered");
        }
        Comm comm = Comm.openedByFrontEnd(id, targetName);
        target.accept(comm, Map.of());
        return comm;
    }

    /** Closes the widget's comm from the front end, as the kernel does on its {@code comm_close}. */
    void closeFromFrontEnd(Widget widget) {
        opened.get(widget.modelId()).closedByFrontEnd(Map.of());
    }

    /** Delivers {@code data} from the front end to the widget's comm, as the kernel's comm thread does. */
    void fromFrontEnd(Widget widget, Map<String, Object> data) {
        opened.get(widget.modelId()).receive(data);
    }
}
