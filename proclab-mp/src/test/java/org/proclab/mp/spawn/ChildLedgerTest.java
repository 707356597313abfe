package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLedgerTest {
    @TempDir
    Path directory;

    @Test
    void placesRunOutAtTheLimitAndComeBackWhenReleased() {
        ChildLedger ledger = new ChildLedger(directory);
        ChildLedger.Entry first = ledger.reserve(2);
        assertNotNull(first);
        assertNotNull(ledger.reserve(2));
        assertNull(ledger.reserve(2));

        first.release();
        first.release();
        assertNotNull(ledger.reserve(2));
        assertNull(ledger.reserve(2));
    }

    @Test
    void anEntryCountsWhileItsChildLivesAndIsPrunedWhenItHasExited() throws Exception {
        ChildLedger ledger = new ChildLedger(directory);
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            ledger.reserve(1).started(child.pid());
            assertNull(ledger.reserve(1));

            child.destroyForcibly().waitFor();
            assertNotNull(ledger.reserve(1));
            assertEquals(1, entries().size(), "the exited child's entry is deleted");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void entriesOfAKilledJvmCountOnlyForItsLiveChildren() throws Exception {
        ChildLedger ledger = new ChildLedger(directory);
        long gone = exitedPid();
        Process orphan = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(directory.resolve(gone + "-1"), Long.toString(orphan.pid()));
            Files.createFile(directory.resolve(gone + "-2"));

            assertNotNull(ledger.reserve(2), "only the entry with a live child counts");
            assertNull(ledger.reserve(2));
            assertFalse(Files.exists(directory.resolve(gone + "-2")), "an entry without a child whose JVM is gone is pruned");
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void threadsRacingForTheLastPlacesGetExactlyTheLimit() throws Exception {
        ChildLedger ledger = new ChildLedger(directory);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ChildLedger.Entry>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> ledger.reserve(5));
            }
            long granted = 0;
            for (Future<ChildLedger.Entry> attempt : threads.invokeAll(attempts)) {
                granted += Objects.isNull(attempt.get()) ? 0 : 1;
            }
            assertEquals(5, granted);
            assertEquals(5, entries().size());
        } finally {
            threads.shutdownNow();
        }
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static long exitedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        assertFalse(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false));
        return process.pid();
    }
}
