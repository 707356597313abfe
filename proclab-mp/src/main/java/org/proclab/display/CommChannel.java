package org.proclab.display;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Carries {@link Comm} messages between this JVM and the notebook's front end. The Jupyter kernel
 * installs one; elsewhere (a plain Java program, a child process, {@code proclab run}) none is
 * installed and opening a comm fails with {@link CommsUnavailableException}: a comm belongs to the
 * kernel, which alone talks to the front end.
 *
 * <p>Implementations are called from any thread and must not block for long.
 */
public interface CommChannel {
    /**
     * Sends {@code comm_open} for a comm this JVM opened, with its first data and the message's
     * metadata (widgets put their protocol version there).
     */
    void open(Comm comm, Map<String, ?> data, Map<String, ?> metadata);

    /** Sends {@code comm_msg} on an open comm, with the message's metadata. */
    void send(Comm comm, Map<String, ?> data, Map<String, ?> metadata);

    /** Sends {@code comm_close}; the comm is forgotten afterwards. */
    void close(Comm comm, Map<String, ?> data);

    /**
     * Lets the front end open comms with {@code targetName}: each one it opens is given to
     * {@code opened} with the data of its {@code comm_open}. A later registration of the same name
     * replaces the earlier one.
     */
    void registerTarget(String targetName, BiConsumer<Comm, Map<String, Object>> opened);

    /**
     * The id of the request under which what the calling thread prints and displays is sent: the
     * request of the cell the thread belongs to (for a comm handler, the cell that owns the comm),
     * else of the running or latest cell; null before any cell. An {@code Output} widget shows the
     * output sent under it.
     */
    String currentRequestId();

    /** Makes every later comm of this JVM go through {@code channel}; null: no comms. */
    static void install(CommChannel channel) {
        InstalledComms.current = channel == null ? InstalledComms.NONE : channel;
    }

    /** Whether a channel is installed, i.e. a front end can be talked to (false in a child process). */
    static boolean available() {
        return InstalledComms.current != InstalledComms.NONE;
    }

    /** The channel comms go through now. */
    static CommChannel current() {
        return InstalledComms.current;
    }
}
