package org.proclab.mp.spawn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.proclab.mp.shm.SharedMemoryDirectory;

/**
 * The live child JVMs of a whole session, counted across processes, so that the limit of live
 * children ({@link ChildSettings#maxLiveChildren()}) holds for the tree a notebook can grow (its
 * children, their children, ...) and not for each JVM on its own: a task that starts itself would
 * otherwise multiply without bound.
 *
 * <p>All JVMs of a session share its {@link SharedMemoryDirectory}. A JVM about to start a child
 * adds a file to the ledger there, writes the child's pid into it once the child runs, and deletes
 * it when the child has exited. Counting and adding happen under a file lock, so two JVMs cannot
 * both take the last place. A JVM killed before it could delete its files leaves entries behind;
 * counting prunes them: an entry counts while its child is alive, or, before the child has a pid,
 * while the JVM starting it is.
 */
final class ChildLedger {
    /** {@link FileChannel#lock} excludes other processes only; the threads of one JVM take turns here. */
    private static final Object THIS_JVM = new Object();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final long SELF = ProcessHandle.current().pid();
    private static volatile ChildLedger session;

    private final Path entries;
    private final Path lockFile;

    /** A ledger kept in {@code directory}; the session's is {@link #session()}. */
    ChildLedger(Path directory) {
        this.entries = directory;
        this.lockFile = directory.resolve(".lock");
    }

    /** The ledger of this session, or null where its directory cannot be made (then each JVM counts its own). */
    static ChildLedger session() {
        ChildLedger ledger = session;
        if (ledger == null) {
            try {
                ledger = new ChildLedger(SharedMemoryDirectory.session().subdirectory("children"));
                session = ledger;
            } catch (UncheckedIOException unusable) {
                return null;
            }
        }
        return ledger;
    }

    /** One place in the ledger, held from before a child starts until it has exited. */
    static final class Entry {
        private final Path file;

        private Entry(Path file) {
            this.file = file;
        }

        /** Records the child's pid: from now on the entry counts while the child lives, whoever made it. */
        void started(long childPid) {
            try {
                Files.writeString(file, Long.toString(childPid), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                // the entry still counts while this JVM lives, and is deleted when the child exits
            }
        }

        /** Gives the place back; safe to call more than once. */
        void release() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // pruned by the next count once the child and this JVM are gone
            }
        }
    }

    /**
     * Takes a place if fewer than {@code limit} children of the session are alive.
     *
     * @return the place, or null when the session already has {@code limit} live children
     */
    Entry reserve(int limit) {
        synchronized (THIS_JVM) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (countAndPrune() >= limit) {
                    return null;
                }
                Path file = entries.resolve(SELF + "-" + SEQUENCE.incrementAndGet());
                Files.createFile(file);
                return new Entry(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot count the live child processes in " + entries + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private int countAndPrune() throws IOException {
        int live = 0;
        try (Stream<Path> files = Files.list(entries)) {
            for (Path file : (Iterable<Path>) files.filter(ChildLedger::isEntry)::iterator) {
                if (counts(file)) {
                    live++;
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
        return live;
    }

    private static boolean isEntry(Path file) {
        return !file.getFileName().toString().startsWith(".");
    }

    /** Whether the process an entry stands for is alive: its child, or the JVM still starting it. */
    private static boolean counts(Path file) {
        try {
            String child = Files.readString(file, StandardCharsets.US_ASCII).strip();
            String name = file.getFileName().toString();
            long pid = Long.parseLong(child.isEmpty() ? name.substring(0, name.indexOf('-')) : child);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
