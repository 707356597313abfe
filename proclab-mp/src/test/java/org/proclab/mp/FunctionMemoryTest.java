package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parent's record of a worker's functions forgets exactly what the worker forgets. */
class FunctionMemoryTest {

    // Past its capacity the memory forgets the function used least recently, not the oldest one put.
    @Test
    void forgetsTheLeastRecentlyUsed() {
        FunctionMemory<String> memory = new FunctionMemory<>();
        for (long id = 1; id <= FunctionMemory.CAPACITY; id++) {
            memory.put(id, "f" + id);
        }
        assertEquals("f1", memory.use(1));
        memory.put(100, "f100");
        assertEquals("f1", memory.use(1));
        assertNull(memory.use(2));
        assertEquals("f100", memory.use(100));
    }

    // Driven by the same sends, the parent's record says "send it" exactly when the worker lacks it:
    // the worker never meets a chunk whose function it forgot, and a forgotten function is sent again.
    @Test
    void shippedFunctionsMatchAWorkersMemory() {
        ShippedFunctions parent = new ShippedFunctions();
        FunctionMemory<String> worker = new FunctionMemory<>();
        List<Long> uses = new ArrayList<>(List.of(1L, 2L, 1L));
        for (long id = 3; id <= FunctionMemory.CAPACITY + 2; id++) {
            uses.add(id);
        }
        uses.addAll(List.of(1L, 2L, 1L));
        List<Long> sent = new ArrayList<>();
        for (long id : uses) {
            if (parent.needs(new Pool.Shipment(id, new byte[0]))) {
                sent.add(id);
                worker.put(id, "f" + id);
            }
            assertEquals("f" + id, worker.use(id), "the worker lacks function " + id);
        }
        assertEquals(FunctionMemory.CAPACITY + 2 + 2, sent.size(), sent.toString());
        assertEquals(List.of(1L, 2L), sent.subList(sent.size() - 2, sent.size()));
    }
}
