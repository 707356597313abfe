package org.proclab.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one cell writes to stdout and stderr, on its way to the front end as {@code stream}
 * messages under that cell's request, and the rich outputs it displays, in the order they came.
 *
 * <p>Bytes are batched: the first write arms a short timer and everything written until it fires
 * goes out together, so a loop of {@code println}s becomes a few messages, not thousands. A large
 * batch is sent at once. Stdout and stderr keep their relative order. UTF-8 is decoded across
 * writes, so a character split between two writes stays whole.
 *
 * <p>A cell may publish at most {@link #DEFAULT_LIMIT_BYTES}; the rest is counted and reported in
 * one note when the cell ends instead of flooding the browser.
 *
 * <p>Thread-safe: any thread may write; sending happens through the given {@link StreamPublisher}.
 */
public final class CellOutput {
    /** The most a single cell sends to the front end. */
    public static final long DEFAULT_LIMIT_BYTES = 4L * 1024 * 1024;
    static final long FLUSH_DELAY_MILLIS = 25;
    private static final int FLUSH_NOW_BYTES = 32 * 1024;

    private final StreamPublisher publisher;
    private final DisplayPublisher displays;
    private final ScheduledExecutorService timer;
    private final long limitBytes;
    private final List<Segment> pending = new ArrayList<>();
    private int pendingBytes;
    private long acceptedBytes;
    private long droppedBytes;
    private boolean flushScheduled;
    private final CharsetDecoder stdoutDecoder = newDecoder();
    private final CharsetDecoder stderrDecoder = newDecoder();
    private byte[] stdoutCarry = new byte[0];
    private byte[] stderrCarry = new byte[0];

    /**
     * An output whose displays are sent with {@code displays}.
     *
     * @param limitBytes the most stream text the cell may send
     */
    public CellOutput(StreamPublisher publisher, DisplayPublisher displays, ScheduledExecutorService timer,
                      long limitBytes) {
        this.publisher = publisher;
        this.displays = displays;
        this.timer = timer;
        this.limitBytes = limitBytes;
    }

    /**
     * An output for text only, such as a terminal: a display is written as its {@code text/plain}
     * form on stdout, each update as a new line.
     */
    public CellOutput(StreamPublisher publisher, ScheduledExecutorService timer, long limitBytes) {
        this(publisher, (bundle, displayId, update) -> publisher.publish(StreamName.STDOUT, asLine(bundle)), timer,
                limitBytes);
    }

    /** Appends bytes written by user code to the named stream ({@code stdout} or {@code stderr}). */
    public void write(StreamName stream, byte[] bytes, int offset, int length) {
        boolean flushNow;
        synchronized (this) {
            int accepted = (int) Math.min(length, Math.max(0, limitBytes - acceptedBytes));
            droppedBytes += length - accepted;
            acceptedBytes += accepted;
            if (accepted == 0) {
                return;
            }
            Segment last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
            if (last == null || last.stream != stream) {
                last = new Segment(stream);
                pending.add(last);
            }
            last.bytes.write(bytes, offset, accepted);
            pendingBytes += accepted;
            flushNow = pendingBytes >= FLUSH_NOW_BYTES;
            if (!flushNow && !flushScheduled) {
                flushScheduled = true;
                timer.schedule(this::flush, FLUSH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        if (flushNow) {
            flush();
        }
    }

    /** Writes text straight to a stream, e.g. a note from the kernel about this cell. */
    public void writeText(StreamName stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(stream, bytes, 0, bytes.length);
    }

    /**
     * Sends everything written so far. Holding the lock while queueing keeps batches in order when
     * the timer and the cell's end flush at the same moment; queueing never blocks.
     */
    public synchronized void flush() {
        flushScheduled = false;
        for (Segment segment : pending) {
            String text = decode(segment.stream, segment.bytes.toByteArray());
            if (!text.isEmpty()) {
                publisher.publish(segment.stream, text);
            }
        }
        pending.clear();
        pendingBytes = 0;
    }

    /**
     * Shows a rich output after everything written so far; a thread the cell started may call it
     * after the cell has finished. Every {@code display_data} and {@code update_display_data} the
     * kernel sends, the user's, the magics' and the progress bars', passes here.
     *
     * @param displayId names the output so updates can replace it; null for one never updated
     * @param update whether this replaces the output named {@code displayId}
     */
    public synchronized void display(Map<String, String> bundle, String displayId, boolean update) {
        flush();
        displays.publish(bundle, displayId, update);
    }

    /**
     * Sends what is left and, if the limit cut output off, one note saying how much was not shown.
     * Later writes (from threads the cell started) are still accepted within the limit.
     */
    public synchronized void finish() {
        flush();
        if (stdoutCarry.length > 0 || stderrCarry.length > 0) {
            publisher.publish(stdoutCarry.length > 0 ? StreamName.STDOUT : StreamName.STDERR, "\uFFFD");
            stdoutCarry = new byte[0];
            stderrCarry = new byte[0];
        }
        if (droppedBytes > 0) {
            publisher.publish(StreamName.STDERR, "\n[output truncated: " + droppedBytes
                    + " more bytes were not shown; this cell may show at most " + limitBytes + " bytes]\n");
            droppedBytes = 0;
        }
    }

    private static String asLine(Map<String, String> bundle) {
        String text = bundle.getOrDefault("text/plain", "");
        return text.endsWith("\n") ? text : text + "\n";
    }

    private String decode(StreamName stream, byte[] fresh) {
        CharsetDecoder decoder = stream == StreamName.STDOUT ? stdoutDecoder : stderrDecoder;
        byte[] carry = stream == StreamName.STDOUT ? stdoutCarry : stderrCarry;
        ByteBuffer in = ByteBuffer.allocate(carry.length + fresh.length).put(carry).put(fresh).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        if (stream == StreamName.STDOUT) {
            stdoutCarry = rest;
        } else {
            stderrCarry = rest;
        }
        return out.flip().toString();
    }

    private static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static final class Segment {
        final StreamName stream;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Segment(StreamName stream) {
            this.stream = stream;
        }
    }
}
