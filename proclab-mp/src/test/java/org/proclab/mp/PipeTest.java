package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.mp.MpTesting.LONG;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Pipe} and {@link Connection} with real child JVMs. Tasks capture only local values (the
 * pipe travels as a handle); every started child is killed and reaped after each test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PipeTest {
    private final MpTesting.StartedProcesses started = new MpTesting.StartedProcesses();

    @AfterEach
    void killStarted() throws InterruptedException {
        started.killAll();
    }

    @AfterAll
    static void noChildLeft() throws InterruptedException {
        MpTesting.assertNoChildLeft();
    }

    private Process start(Task task) {
        return started.start(task);
    }

    // Duplex ping-pong: parent and child take turns, each adding one, 100 times over the two ends.
    @Test
    void duplexPingPongWithAChild() throws InterruptedException {
        Pipe pipe = Pipe.open();
        Process child = start(() -> {
            Connection conn = pipe.second();
            for (int i = 0; i < 100; i++) {
                int n = conn.recv();
                conn.send(n + 1);
            }
        });
        Connection conn = pipe.first();
        int n = 0;
        for (int i = 0; i < 100; i++) {
            conn.send(n);
            n = conn.<Integer>recv() + 1;
        }
        assertEquals(200, n);
        MpTesting.assertFinishedCleanly(child);
    }

    // Once the child that used the other end has exited, recv returns what it sent and then throws EOFError instead of waiting;
    // the parent closing the child's end, which it never used (Python's habit), changes nothing.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void recvAfterThePeerExitedThrowsEOFError() throws InterruptedException {
        Pipe pipe = Pipe.open();
        Process child = start(() -> pipe.second().send("last words"));
        pipe.second().close();
        MpTesting.assertFinishedCleanly(child);
        Connection conn = pipe.first();
        assertTrue(conn.poll());
        assertEquals("last words", conn.recv());
        assertTrue(conn.poll(), "poll is true at end-of-file: recv would not wait");
        EOFError eof = assertThrows(EOFError.class, conn::recv);
        assertTrue(eof.getMessage().contains("other end"), eof.getMessage());
    }

    // Closing the only handle that used an end ends the conversation: the other end drains, then gets EOFError; a closed handle refuses use.
    @Test
    void closingTheSendingEndGivesEOFErrorAfterTheLastMessage() throws InterruptedException {
        Pipe pipe = Pipe.open(false);
        Connection receiver = pipe.first();
        Connection sender = pipe.second();
        assertFalse(receiver.poll(), "nobody has used the sending end yet");
        sender.send("bye");
        sender.close();
        sender.close();
        assertTrue(sender.closed());
        assertThrows(IllegalStateException.class, () -> sender.send("more"));
        assertEquals("bye", receiver.recv());
        assertThrows(EOFError.class, receiver::recv);
    }

    // A one-way pipe: the receiving end cannot send and the sending end cannot receive.
    @Test
    void oneWayPipeRefusesTheWrongDirection() {
        Pipe pipe = Pipe.open(false);
        IllegalStateException send = assertThrows(IllegalStateException.class, () -> pipe.first().send("x"));
        assertTrue(send.getMessage().contains("only receives"), send.getMessage());
        assertThrows(IllegalStateException.class, () -> pipe.first().sendBytes(new byte[1]));
        IllegalStateException recv = assertThrows(IllegalStateException.class, () -> pipe.second().recv());
        assertTrue(recv.getMessage().contains("only sends"), recv.getMessage());
        assertThrows(IllegalStateException.class, () -> pipe.second().recvBytes());
        assertThrows(IllegalStateException.class, () -> pipe.second().poll());
        assertEquals("<Connection first, receives only>", pipe.first().toString());
    }

    // sendBytes and recvBytes carry twenty 1 MiB blobs and a slice of one from a child, intact and in order.
    @Test
    void byteBlobsFromAChildArriveIntactAndInOrder() throws InterruptedException {
        Pipe pipe = Pipe.open(false);
        Process child = start(() -> {
            Connection conn = pipe.second();
            for (int i = 0; i < 20; i++) {
                conn.sendBytes(blob(i));
            }
            conn.sendBytes(blob(99), 10, 1000);
        });
        Connection conn = pipe.first();
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(blob(i), conn.recvBytes(), "blob " + i);
        }
        assertArrayEquals(Arrays.copyOfRange(blob(99), 10, 1010), conn.recvBytes());
        MpTesting.assertFinishedCleanly(child);
    }

    // poll is false while nothing was sent, poll(Duration) waits for a message from a child and is then true.
    @Test
    void pollWaitsForAMessage() throws InterruptedException {
        Pipe pipe = Pipe.open();
        Connection conn = pipe.first();
        assertFalse(conn.poll());
        assertFalse(conn.poll(Duration.ofMillis(100)));
        Process child = start(() -> pipe.second().send(List.of(42, "hello")));
        assertTrue(conn.poll(LONG));
        assertEquals(List.of(42, "hello"), conn.recv());
        MpTesting.assertFinishedCleanly(child);
    }

    private static byte[] blob(int seed) {
        byte[] bytes = new byte[1 << 20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 7 + i * 13 + (i >>> 10));
        }
        return bytes;
    }
}
