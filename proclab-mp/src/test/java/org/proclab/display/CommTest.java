package org.proclab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A comm's life on the kernel's side, over a channel that records what it would send. */
class CommTest {
    private final List<String> sent = new ArrayList<>();

    @AfterEach
    void uninstall() {
        CommChannel.install(null);
    }

    // Without a front end (a plain program, a child process) a comm cannot be opened, and the error says why.
    @Test
    void withoutAFrontEndACommCannotOpen() {
        assertFalse(CommChannel.available());
        CommsUnavailableException e = assertThrows(CommsUnavailableException.class, () -> Comm.open("t", Map.of()));
        assertTrue(e.getMessage().contains("a child process cannot own a widget"), e.getMessage());
        assertThrows(CommsUnavailableException.class, () -> Comm.registerTarget("t", (comm, data) -> { }));
    }

    // Open, send and close go through the channel once each; a closed comm refuses to send, closing again does
    // nothing, and a message that arrives after the close is not handed to the handler.
    @Test
    void aCommOpensSendsAndClosesOnce() {
        CommChannel.install(recording());
        assertTrue(CommChannel.available());
        List<Object> handled = new ArrayList<>();
        Comm comm = Comm.open("t", Map.of("a", 1)).onMessage(data -> handled.add(data.get("n")));
        comm.receive(Map.of("n", 1));
        comm.send(Map.of("b", 2));
        comm.close();
        comm.close();
        comm.receive(Map.of("n", 2));
        assertEquals(List.of("open t {a=1}", "send t {b=2}", "close t {}"), sent);
        assertEquals(List.of(1), handled);
        assertFalse(comm.isOpen());
        assertThrows(IllegalStateException.class, () -> comm.send(Map.of()));
    }

    // The front end's close runs the close handler once and sends nothing back.
    @Test
    void theFrontEndsCloseRunsTheHandlerOnce() {
        CommChannel.install(recording());
        List<Object> reasons = new ArrayList<>();
        Comm comm = Comm.openedByFrontEnd("id-1", "t").onClose(data -> reasons.add(data.get("why")));
        comm.closedByFrontEnd(Map.of("why", "gone"));
        comm.closedByFrontEnd(Map.of("why", "again"));
        comm.close();
        assertEquals(List.of("gone"), reasons);
        assertEquals(List.of(), sent);
    }

    private CommChannel recording() {
        return new CommChannel() {
            @Override
            public void open(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
                sent.add("open " + comm.targetName() + " " + data);
            }

            @Override
            public void send(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
                sent.add("send " + comm.targetName() + " " + data);
            }

            @Override
            public void close(Comm comm, Map<String, ?> data) {
                sent.add("close " + comm.targetName() + " " + data);
            }

            @Override
            public String currentRequestId() {
                return "request-1";
            }

            @Override
            public void registerTarget(String targetName, BiConsumer<Comm, Map<String, Object>> opened) {
                sent.add("target " + targetName);
            }
        };
    }
}
