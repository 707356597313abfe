package org.proclab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Scanner;
import org.junit.jupiter.api.Test;

class StdinBridgeTest {
    /** A LineSource answering from a fixed list, then null (end of input); counts how often it was asked. */
    static final class ScriptedLines implements LineSource {
        private final Deque<String> lines;
        int asked;

        ScriptedLines(String... lines) {
            this.lines = new ArrayDeque<>(Arrays.asList(lines));
        }

        @Override
        public String readLine() {
            asked++;
            return lines.poll();
        }
    }

    // Each line from the source is delivered as UTF-8 bytes followed by a newline, then -1 at end of input.
    @Test
    void readsLinesWithNewlineThenEof() throws IOException {
        StdinBridge stdin = new StdinBridge(new ScriptedLines("hello", "w\u00f6rld \u20ac"));
        byte[] all = stdin.readAllBytes();
        assertEquals("hello\nw\u00f6rld \u20ac\n", new String(all, StandardCharsets.UTF_8));
        assertEquals(-1, stdin.read());
    }

    // Single-byte reads return the bytes of the line, then '\n', then -1 when the source returns null.
    @Test
    void singleByteReads() throws IOException {
        StdinBridge stdin = new StdinBridge(new ScriptedLines("ab"));
        assertEquals('a', stdin.read());
        assertEquals(2, stdin.available());
        assertEquals('b', stdin.read());
        assertEquals('\n', stdin.read());
        assertEquals(0, stdin.available());
        assertEquals(-1, stdin.read());
        byte[] buffer = new byte[4];
        assertEquals(-1, stdin.read(buffer, 0, 4));
    }

    // The source is only asked when the buffer is empty, and a zero-length read never asks it.
    @Test
    void asksSourceOnlyWhenNeeded() throws IOException {
        ScriptedLines source = new ScriptedLines("first", "second");
        StdinBridge stdin = new StdinBridge(source);
        assertEquals(0, stdin.read(new byte[8], 0, 0));
        assertEquals(0, source.asked);

        byte[] buffer = new byte[3];
        assertEquals(3, stdin.read(buffer, 0, 3));
        assertEquals("fir", new String(buffer, StandardCharsets.UTF_8));
        assertEquals(3, stdin.read(buffer, 0, 3));
        assertEquals("st\n", new String(buffer, StandardCharsets.UTF_8));
        assertEquals(1, source.asked);
    }

    // discardBuffered forgets the unread rest of a line, so the next read asks for a new line.
    @Test
    void discardBufferedDropsUnreadInput() throws IOException {
        ScriptedLines source = new ScriptedLines("left over", "fresh");
        StdinBridge stdin = new StdinBridge(source);
        assertEquals('l', stdin.read());
        stdin.discardBuffered();
        assertEquals(0, stdin.available());
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        assertEquals("fresh", reader.readLine());
        assertEquals(2, source.asked);
    }

    // Scanner.nextLine over the bridge gives the typed lines, as cell code would read them.
    @Test
    void scannerReadsLines() {
        Scanner scanner = new Scanner(new StdinBridge(new ScriptedLines("42", "Ada Lovelace")), StandardCharsets.UTF_8);
        assertEquals(42, scanner.nextInt());
        scanner.nextLine();
        assertEquals("Ada Lovelace", scanner.nextLine());
    }
}
