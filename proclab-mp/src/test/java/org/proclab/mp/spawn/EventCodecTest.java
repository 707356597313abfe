package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents.Event;
import org.proclab.mp.spawn.ProcessEvents.Kind;

class EventCodecTest {
    // Every field of an event survives the EVENT frame, nulls, CPU times and non-ASCII text included.
    @Test
    void anEventComesBackAsItWas() throws IOException {
        for (Event event : new Event[] {
                Event.started("Process-2:1", 4242, 17L, "Process-2", 4200),
                new Event(Kind.EXITED, "Process-2:1", 4242, 99L, null, null, -9),
                new Event(Kind.EXITED, "Process-2:2", 4243, 99L, null, null, 0, 99L, 0, new CpuTime(1_230_000_000L, true)),
                new Event(Kind.EXITED, "Process-2:3", 4244, 99L, null, null, -15, 99L, 0, new CpuTime(40_000_000L, false)),
                new Event(Kind.TASK, "SpawnPoolWorker-2:3", 4300, -5L, null, "items 0–9 ✓", null, 12L),
                new Event(Kind.JOINED, "réseau", 1, Long.MIN_VALUE, null, null, null, Long.MAX_VALUE)}) {
            assertEquals(event, EventCodec.decode(EventCodec.encode(event)));
        }
    }

    // A payload that is not an event (cut short, or of an unknown kind) is refused, not misread.
    @Test
    void aBrokenPayloadIsRefused() {
        byte[] whole = EventCodec.encode(Event.started("Process-1:1", 1, 2L, "Process-1", 3));
        assertThrows(IOException.class, () -> EventCodec.decode(Arrays.copyOf(whole, whole.length - 1)));
        byte[] unknownKind = whole.clone();
        unknownKind[0] = (byte) 200;
        assertThrows(IOException.class, () -> EventCodec.decode(unknownKind));
    }
}
