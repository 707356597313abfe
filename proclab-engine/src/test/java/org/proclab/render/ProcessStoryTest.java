package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.proclab.mp.Pool;
import org.proclab.mp.spawn.ProcessEvents;

class ProcessStoryTest {

    // A pool worker's tasks are chunks: the story of a Pool(1) that mapped 8 items in chunks of 2 counts
    // 4 tasks and 8 items.
    @Test
    void aPoolWorkersStoryCountsTasksAndItems() throws InterruptedException {
        long before = System.nanoTime();
        try (var pool = new Pool(1)) {
            pool.map(x -> x * 2, IntStream.range(0, 8).boxed().toList(), 2);
        }
        ProcessStory worker = ProcessStory.since(ProcessEvents.since(before), before).stream()
                .filter(story -> story.tasks() > 0).findFirst().orElseThrow();
        assertEquals(List.of(4, 8), List.of(worker.tasks(), worker.items()));
    }
}
