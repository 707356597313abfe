package org.proclab.display;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A Jupyter comm: a two-way channel between an object in the kernel and one in the front end,
 * which is what interactive widgets are built on. Data travels as JSON objects: a
 * {@code Map<String, ?>} of strings, numbers, booleans, {@code null}, lists and maps.
 *
 * <pre>{@code
 * Comm comm = Comm.open("my_target", Map.of("value", 1));
 * comm.onMessage(data -> System.out.println("the front end says " + data));
 * comm.send(Map.of("value", 2));
 *
 * Comm.registerTarget("from_js", (opened, data) -> opened.onMessage(msg -> opened.send(msg)));
 * }</pre>
 *
 * <p>Handlers run on the kernel's comm thread, also while a cell runs (a button can stop a loop),
 * one message at a time; what a handler prints, and an exception it throws, appear in the cell that
 * opened the comm or registered its target. Comms exist only in the kernel: elsewhere (a child
 * process, a program outside Jupyter) opening one throws {@link CommsUnavailableException}.
 */
public final class Comm {
    private final String id;
    private final String targetName;
    private volatile Consumer<Map<String, Object>> onMessage = data -> { };
    private volatile Consumer<Map<String, Object>> onClose = data -> { };
    private volatile boolean open = true;

    private Comm(String id, String targetName) {
        this.id = Objects.requireNonNull(id);
        this.targetName = Objects.requireNonNull(targetName);
    }

    /** Opens a comm to the front end's {@code targetName}, sending {@code data} with the {@code comm_open}. */
    public static Comm open(String targetName, Map<String, ?> data) {
        return open(targetName, data, Map.of());
    }

    /** Opens a comm as {@link #open(String, Map)} does, with {@code metadata} on the {@code comm_open} message. */
    public static Comm open(String targetName, Map<String, ?> data, Map<String, ?> metadata) {
        Comm comm = new Comm(UUID.randomUUID().toString().replace("-", ""), targetName);
        CommChannel.current().open(comm, data, metadata);
        return comm;
    }

    /**
     * Accepts the comms the front end opens with {@code targetName}: {@code opened} gets each new
     * comm and the data of its {@code comm_open}, and usually sets its {@link #onMessage} handler.
     */
    public static void registerTarget(String targetName, BiConsumer<Comm, Map<String, Object>> opened) {
        CommChannel.current().registerTarget(targetName, opened);
    }

    /**
     * The kernel's side of a comm the front end opened; for {@link CommChannel} implementations,
     * which then pass it to the target's handler.
     */
    public static Comm openedByFrontEnd(String id, String targetName) {
        return new Comm(id, targetName);
    }

    /** The comm's id, as the front end knows it. */
    public String id() {
        return id;
    }

    /** The name of the target the comm was opened for. */
    public String targetName() {
        return targetName;
    }

    /** Whether neither side has closed the comm yet. */
    public boolean isOpen() {
        return open;
    }

    /** Sends {@code data} to the front end's side of the comm. */
    public void send(Map<String, ?> data) {
        send(data, Map.of());
    }

    /** Sends {@code data} as {@link #send(Map)} does, with {@code metadata} on the {@code comm_msg} message. */
    public void send(Map<String, ?> data, Map<String, ?> metadata) {
        if (!open) {
            throw new IllegalStateException("the comm " + id + " (" + targetName + ") is closed");
        }
        CommChannel.current().send(this, data, metadata);
    }

    /** Closes the comm on both sides; closing a closed comm does nothing. */
    public void close() {
        close(Map.of());
    }

    /** Closes the comm on both sides, sending {@code data} with the {@code comm_close}. */
    public void close(Map<String, ?> data) {
        if (open) {
            open = false;
            CommChannel.current().close(this, data);
        }
    }

    /** Runs {@code handler} with the data of every message the front end sends on this comm; returns this. */
    public Comm onMessage(Consumer<Map<String, Object>> handler) {
        onMessage = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs {@code handler} when the front end closes the comm; returns this. */
    public Comm onClose(Consumer<Map<String, Object>> handler) {
        onClose = Objects.requireNonNull(handler);
        return this;
    }

    /** Hands a message from the front end to the handler; for {@link CommChannel} implementations. */
    public void receive(Map<String, Object> data) {
        if (open) {
            onMessage.accept(data);
        }
    }

    /** Marks the comm closed by the front end and tells the handler; for {@link CommChannel} implementations. */
    public void closedByFrontEnd(Map<String, Object> data) {
        if (open) {
            open = false;
            onClose.accept(data);
        }
    }

    @Override
    public String toString() {
        return "Comm[" + targetName + ", " + id + (open ? "" : ", closed") + "]";
    }
}
