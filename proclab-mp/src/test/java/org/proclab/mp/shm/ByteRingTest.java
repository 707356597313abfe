package org.proclab.mp.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared-memory ring's arithmetic, within one process: wrap-around, chunks, streaming, limits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ByteRingTest {
    private static final Runnable NOTHING = () -> { };

    // Messages of every size from empty to three times the ring, written by one thread and read by another, arrive intact and in order.
    @Test
    void messagesOfAllSizesWrapAroundAndStreamIntact() throws Exception {
        ByteRing ring = ByteRing.create("test-ring", ByteRing.MIN_CAPACITY);
        int count = 2000;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            Random sizes = new Random(42);
            try {
                for (int i = 0; i < count; i++) {
                    byte[] message = message(i, sizes.nextInt(3 * ByteRing.MIN_CAPACITY));
                    assertTrue(ring.write(message, 0, message.length, 0, Backoff.forever(), NOTHING));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Random sizes = new Random(42);
        for (int i = 0; i < count; i++) {
            assertArrayEquals(message(i, sizes.nextInt(3 * ByteRing.MIN_CAPACITY)), ring.read(Backoff.forever(), NOTHING),
                    "message " + i);
        }
        writer.get(30, TimeUnit.SECONDS);
        assertTrue(ring.isEmpty());
        assertEquals(0, ring.messages());
    }

    // tryWrite writes only what fits now: not beyond maxMessages, not a message larger than the ring; a slice of an array travels as itself.
    @Test
    void tryWriteRespectsTheMessageLimitAndTheSize() throws InterruptedException {
        ByteRing ring = ByteRing.create("test-ring", ByteRing.MIN_CAPACITY);
        byte[] bytes = {1, 2, 3, 4, 5};
        assertTrue(ring.tryWrite(bytes, 1, 3, 2));
        assertTrue(ring.tryWrite(bytes, 0, 0, 2));
        assertFalse(ring.tryWrite(bytes, 0, 1, 2));
        assertFalse(ring.tryWrite(new byte[ByteRing.MIN_CAPACITY], 0, ByteRing.MIN_CAPACITY, 0));
        assertEquals(2, ring.messages());
        assertArrayEquals(new byte[] {2, 3, 4}, ring.read(Backoff.forever(), NOTHING));
        assertArrayEquals(new byte[0], ring.read(Backoff.forever(), NOTHING));
        assertNull(ring.read(Backoff.forNanos(0), NOTHING));
        assertThrows(IndexOutOfBoundsException.class, () -> ring.tryWrite(bytes, 3, 3, 0));
    }

    // A capacity that is not a power of two, or out of range, is refused.
    @Test
    void capacityMustBeAPowerOfTwoInRange() {
        assertThrows(IllegalArgumentException.class, () -> ByteRing.create("test-ring", 5000));
        assertThrows(IllegalArgumentException.class, () -> ByteRing.create("test-ring", 2048));
    }

    private static byte[] message(int index, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (index * 131 + i * 7 + (i >>> 8));
        }
        return bytes;
    }
}
