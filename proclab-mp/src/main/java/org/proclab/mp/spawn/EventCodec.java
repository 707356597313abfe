package org.proclab.mp.spawn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

/**
 * An {@link Event} as the payload of an {@link FrameType#EVENT} frame: its fields one after the
 * other through a {@link DataOutputStream}. Plain JDK, as everything a child JVM loads must be, and
 * a few dozen bytes, where Java serialization of the record would take hundreds.
 */
final class EventCodec {
    private static final Kind[] KINDS = Kind.values();

    private EventCodec() {
    }

    static byte[] encode(Event event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(event.kind().ordinal());
            writeString(out, event.process());
            out.writeLong(event.pid());
            out.writeLong(event.nanoTime());
            writeString(out, event.stream());
            writeString(out, event.detail());
            out.writeBoolean(event.exitCode() != null);
            out.writeInt(event.exitCode() == null ? 0 : event.exitCode());
            out.writeLong(event.endNanoTime());
            out.writeLong(event.parentPid());
            out.writeBoolean(event.cpu() != null);
            out.writeLong(event.cpu() == null ? 0 : event.cpu().nanos());
            out.writeBoolean(event.cpu() != null && event.cpu().complete());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the payload is not an encoded event */
    static Event decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int kind = in.readUnsignedByte();
        if (kind >= KINDS.length) {
            throw new IOException("unknown event kind " + kind);
        }
        String process = readString(in);
        long pid = in.readLong();
        long nanoTime = in.readLong();
        String stream = readString(in);
        String detail = readString(in);
        boolean hasExitCode = in.readBoolean();
        int exitCode = in.readInt();
        long endNanoTime = in.readLong();
        long parentPid = in.readLong();
        boolean hasCpu = in.readBoolean();
        CpuTime cpu = new CpuTime(in.readLong(), in.readBoolean());
        return new Event(KINDS[kind], process, pid, nanoTime, stream, detail, hasExitCode ? exitCode : null,
                endNanoTime, parentPid, hasCpu ? cpu : null);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("corrupt event: a text of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
