package org.proclab.mp.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A shared region's warm-up, which a waiting JVM runs: it must leave nothing behind in the session. */
class SharedRegionTest {

    // The scratch region's file is gone afterwards; the session's other files stay.
    @Test
    void theWarmUpLeavesNoFileBehind() throws IOException {
        Path directory = SharedMemoryDirectory.session().path();
        SharedRegion.create("before-warm-up", 8);
        List<Path> before = filesIn(directory);
        SharedRegion.warmUp();
        assertEquals(before, filesIn(directory));
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
