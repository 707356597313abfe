package org.proclab.mp.spawn;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Reads how much CPU time a process has used from {@code /proc/PID/stat} (utime plus stime), so that
 * a child can tell its parent, in the frame that reports its end, what it used, and the kernel can
 * answer {@code usage_request} with what it and its children use.
 *
 * <p>A child reads its own figure on its way out, so the reading must cost next to nothing in a
 * fresh JVM: a plain read of a few hundred bytes, parsed in place with no class the child has not
 * loaded already, takes ~0.25 ms the first time, loading this class included (~60 µs once loaded),
 * where {@code ProcessHandle.info()} costs 8–14 ms (it also reads the command line and the user) and
 * the {@code OperatingSystemMXBean} ~50 ms (loading the management classes), measured with a stopwatch
 * in fresh JVMs. The figure comes in clock ticks of 10 ms (USER_HZ is 100 on Linux's architectures).
 * Where there is no {@code /proc}, there is no figure.
 */
public final class CpuClock {
    /** One clock tick of {@code /proc}'s CPU times (USER_HZ = 100), in nanoseconds. */
    static final long NANOS_PER_TICK = 10_000_000;
    /** {@code /proc/PID/stat}'s fields after the command's name: utime is the 14th, stime the 15th. */
    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;
    /** The command's name, in parentheses, is the 2nd field: the field that follows it is the 3rd. */
    private static final int FIELD_AFTER_NAME = 3;
    private static final int MAX_STAT_BYTES = 1024;

    private CpuClock() {
    }

    /** The CPU time this JVM's process has used so far, in nanoseconds; -1 when it cannot be read. */
    static long ownNanos() {
        return nanosOf("self");
    }

    /** The CPU time process {@code pid} has used so far, in nanoseconds; -1 when it is gone or cannot be read. */
    public static long nanosOf(long pid) {
        return nanosOf(Long.toString(pid));
    }

    /**
     * The payload of a frame that reports this process's end ({@link FrameType#ENDED},
     * {@link FrameType#EXITING}): its CPU time so far as 8 bytes, or none when it cannot be read.
     */
    static byte[] ownPayload() {
        long nanos = ownNanos();
        if (nanos < 0) {
            return new byte[0];
        }
        byte[] payload = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            payload[i] = (byte) (nanos >>> (8 * (Long.BYTES - 1 - i)));
        }
        return payload;
    }

    /** The CPU time in a payload made by {@link #ownPayload()}; -1 when it holds none. */
    static long fromPayload(byte[] payload) {
        if (payload.length != Long.BYTES) {
            return -1;
        }
        long nanos = 0;
        for (byte b : payload) {
            nanos = (nanos << 8) | (b & 0xFF);
        }
        return nanos;
    }

    private static long nanosOf(String process) {
        byte[] stat = new byte[MAX_STAT_BYTES];
        int length = 0;
        // String.concat, not +: a fresh JVM's first + bootstraps string concatenation, ~1 ms
        try (FileInputStream in = new FileInputStream("/proc/".concat(process).concat("/stat"))) {
            int read;
            while (length < stat.length && (read = in.read(stat, length, stat.length - length)) > 0) {
                length += read;
            }
        } catch (IOException e) {
            return -1;
        }
        long ticks = ticks(stat, length);
        return ticks < 0 ? -1 : ticks * NANOS_PER_TICK;
    }

    /**
     * utime + stime from the text of a {@code stat} file, or a negative number when it has no such
     * fields. The fields are counted from the last ')', as the command's name may hold spaces and parentheses.
     */
    static long ticks(byte[] stat, int length) {
        int at = length - 1;
        while (at >= 0 && stat[at] != ')') {
            at--;
        }
        if (at < 0) {
            return -1;
        }
        int field = FIELD_AFTER_NAME - 1;
        long utime = -1;
        long stime = -1;
        for (at++; at < length && field <= STIME_FIELD; at++) {
            byte b = stat[at];
            if (b == ' ') {
                field++;
            } else if (b >= '0' && b <= '9' && (field == UTIME_FIELD || field == STIME_FIELD)) {
                long digit = b - '0';
                if (field == UTIME_FIELD) {
                    utime = Math.max(utime, 0) * 10 + digit;
                } else {
                    stime = Math.max(stime, 0) * 10 + digit;
                }
            }
        }
        return utime < 0 || stime < 0 ? -1 : utime + stime;
    }
}
