package org.proclab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CellOutputTest {
    /** One published stream message. */
    record Published(StreamName stream, String text) {
    }

    private final List<Published> published = new ArrayList<>();
    private final StreamPublisher publisher = (stream, text) -> {
        synchronized (published) {
            published.add(new Published(stream, text));
            published.notifyAll();
        }
    };
    private ScheduledExecutorService timer;
    /** Released at the end of each test; while held, the timer thread cannot run a scheduled flush. */
    private final CountDownLatch timerHeld = new CountDownLatch(1);

    @BeforeEach
    void startTimer() throws InterruptedException {
        timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch blocking = new CountDownLatch(1);
        timer.execute(() -> {
            blocking.countDown();
            try {
                timerHeld.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocking.await();
    }

    @AfterEach
    void stopTimer() throws InterruptedException {
        timerHeld.countDown();
        timer.shutdownNow();
        assertTrue(timer.awaitTermination(10, TimeUnit.SECONDS));
    }

    // Several small writes are sent as one batch on flush, with the text in the order written.
    @Test
    void batchedFlushDeliversTextInOrder() {
        CellOutput output = new CellOutput(publisher, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        for (int i = 0; i < 5; i++) {
            output.writeText(StreamName.STDOUT, "line " + i + "\n");
        }
        assertTrue(snapshot().isEmpty(), "nothing is sent before the flush");

        output.flush();

        assertEquals(List.of(new Published(StreamName.STDOUT, "line 0\nline 1\nline 2\nline 3\nline 4\n")), snapshot());
        output.flush();
        assertEquals(1, snapshot().size(), "a flush with nothing pending sends nothing");
    }

    // Without any explicit flush, the timer armed by the first write sends the batch.
    @Test
    void timerFlushesWithoutExplicitCall() throws InterruptedException {
        CellOutput output = new CellOutput(publisher, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        output.writeText(StreamName.STDOUT, "tick");
        timerHeld.countDown();

        synchronized (published) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (published.isEmpty() && System.nanoTime() < deadline) {
                published.wait(100);
            }
        }
        assertEquals(List.of(new Published(StreamName.STDOUT, "tick")), snapshot());
    }

    // Writes alternating between stdout and stderr are sent as separate messages in the order they were written.
    @Test
    void stdoutAndStderrInterleavingIsPreserved() {
        CellOutput output = new CellOutput(publisher, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        output.writeText(StreamName.STDOUT, "a1 ");
        output.writeText(StreamName.STDOUT, "a2 ");
        output.writeText(StreamName.STDERR, "E1 ");
        output.writeText(StreamName.STDOUT, "a3 ");
        output.writeText(StreamName.STDERR, "E2 ");
        output.writeText(StreamName.STDERR, "E3");
        output.finish();

        assertEquals(List.of(
                new Published(StreamName.STDOUT, "a1 a2 "),
                new Published(StreamName.STDERR, "E1 "),
                new Published(StreamName.STDOUT, "a3 "),
                new Published(StreamName.STDERR, "E2 E3")), snapshot());
    }

    // A multi-byte UTF-8 character split across two writes, with a flush between them, arrives as one whole character.
    @Test
    void utf8CharacterSplitAcrossWritesArrivesWhole() {
        CellOutput output = new CellOutput(publisher, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] emoji = "\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
        byte[] eAcute = "\u00e9".getBytes(StandardCharsets.UTF_8);

        output.write(StreamName.STDOUT, euro, 0, 1);
        output.flush();
        output.write(StreamName.STDOUT, euro, 1, 2);
        output.write(StreamName.STDOUT, emoji, 0, 3);
        output.flush();
        output.write(StreamName.STDERR, eAcute, 0, 1);
        output.write(StreamName.STDOUT, emoji, 3, 1);
        output.write(StreamName.STDERR, eAcute, 1, 1);
        output.finish();

        List<Published> messages = snapshot();
        for (Published message : messages) {
            assertFalse(message.text().contains("\ufffd"), "replacement character in " + messages);
            assertFalse(message.text().isEmpty(), "empty message in " + messages);
        }
        assertEquals("\u20ac\ud83d\ude00", text(messages, StreamName.STDOUT));
        assertEquals("\u00e9", text(messages, StreamName.STDERR));
    }

    // A large write (over 32 KiB) is sent at once by the writing thread, without waiting for the timer.
    @Test
    void largeWriteIsSentAtOnce() {
        CellOutput output = new CellOutput(publisher, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        String big = "x".repeat(40 * 1024);
        output.writeText(StreamName.STDOUT, big);
        assertEquals(List.of(new Published(StreamName.STDOUT, big)), snapshot());
    }

    // Output beyond the limit is dropped, and finish() publishes exactly one "output truncated" note with the dropped count.
    @Test
    void outputBeyondLimitIsDroppedAndReportedOnce() {
        CellOutput output = new CellOutput(publisher, timer, 10);
        output.writeText(StreamName.STDOUT, "0123456");
        output.writeText(StreamName.STDOUT, "789ABC");
        output.writeText(StreamName.STDERR, "more");
        output.writeText(StreamName.STDOUT, "even more");
        output.finish();

        List<Published> messages = snapshot();
        assertEquals("0123456789", text(messages, StreamName.STDOUT));
        List<Published> notes = messages.stream().filter(m -> m.text().contains("output truncated")).toList();
        assertEquals(1, notes.size(), messages.toString());
        assertEquals(StreamName.STDERR, notes.get(0).stream());
        assertTrue(notes.get(0).text().contains(" 16 more bytes"), notes.get(0).text());
        assertEquals(messages.get(messages.size() - 1), notes.get(0), "the note comes last");

        output.finish();
        assertEquals(messages.size(), snapshot().size(), "a second finish() reports nothing new");
    }

    // Output within the limit never produces a truncation note.
    @Test
    void noNoteWithinLimit() {
        CellOutput output = new CellOutput(publisher, timer, 10);
        output.writeText(StreamName.STDOUT, "0123456789");
        output.finish();
        assertEquals(List.of(new Published(StreamName.STDOUT, "0123456789")), snapshot());
    }

    // A display first sends the text written before it, so prints and displays keep their order.
    @Test
    void displaySendsPendingTextFirst() {
        CellOutput output = new CellOutput(publisher, (bundle, displayId, update) -> publisher.publish(StreamName.STDOUT,
                "[" + (update ? "update " : "display ") + displayId + ": " + bundle.get("text/plain") + "]"),
                timer, CellOutput.DEFAULT_LIMIT_BYTES);
        output.writeText(StreamName.STDOUT, "before\n");
        output.display(Map.of("text/plain", "shown"), "d1", false);
        output.writeText(StreamName.STDOUT, "after\n");
        output.display(Map.of("text/plain", "changed"), "d1", true);
        assertEquals(List.of(new Published(StreamName.STDOUT, "before\n"),
                new Published(StreamName.STDOUT, "[display d1: shown]"), new Published(StreamName.STDOUT, "after\n"),
                new Published(StreamName.STDOUT, "[update d1: changed]")), snapshot());
    }

    // An output for text only (a terminal) writes a display's text on stdout, ending the line.
    @Test
    void textOnlyOutputPrintsDisplays() {
        CellOutput output = new CellOutput(publisher, timer, CellOutput.DEFAULT_LIMIT_BYTES);
        output.display(Map.of("text/plain", "a table", "text/html", "<table></table>"), null, false);
        assertEquals(List.of(new Published(StreamName.STDOUT, "a table\n")), snapshot());
    }

    private List<Published> snapshot() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    private static String text(List<Published> messages, StreamName stream) {
        return messages.stream().filter(m -> m.stream() == stream && !m.text().contains("output truncated"))
                .map(Published::text).collect(Collectors.joining());
    }
}
