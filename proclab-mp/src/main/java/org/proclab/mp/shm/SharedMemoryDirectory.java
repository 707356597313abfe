package org.proclab.mp.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory where one session keeps its shared-memory files.
 *
 * <p>The root process of a session (the kernel, or the {@code main} of a plain Java program) owns
 * a directory {@code proclab-<pid>-<random>} in {@code /dev/shm} (memory, not disk; the temporary
 * directory where there is no {@code /dev/shm}), readable only by its user. Child processes
 * receive its path in the environment variable {@value #ENVIRONMENT_VARIABLE} and create their
 * files there too, so a Queue a child creates outlives the child. The root deletes the directory
 * when it exits normally; directories whose root was killed (kill -9) are swept by the next root
 * that starts.
 */
public final class SharedMemoryDirectory {
    /** The environment variable that tells a child process where its session's files are. */
    public static final String ENVIRONMENT_VARIABLE = "PROCLAB_SHM_DIR";
    /** Session directories, and directories of pipes to children ({@code proclab-<pid>-<digits>}, see ChildPipes). */
    private static final Pattern SESSION_NAME = Pattern.compile("proclab-(\\d+)-[0-9a-f]+");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SharedMemoryDirectory SESSION = forThisProcess();

    private final Path path;
    private final boolean owned;
    private volatile boolean created;

    private SharedMemoryDirectory(Path path, boolean owned) {
        this.path = path;
        this.owned = owned;
    }

    /** The session's directory as seen by this process. */
    public static SharedMemoryDirectory session() {
        return SESSION;
    }

    /** Where the files are (the directory may not exist before the first file is made). */
    public Path path() {
        return path;
    }

    /** Whether this process is the root of the session, which deletes the directory at exit. */
    public boolean owned() {
        return owned;
    }

    /** A new, empty file of {@code size} bytes for one object, named after its kind ("lock", "queue"). */
    public Path newFile(String kind, long size) {
        try {
            ensureCreated();
            Path file = path.resolve(kind + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shared memory in " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A directory inside the session's, made if needed, for files that the processes of the
     * session keep together (such as the ledger of live children).
     */
    public Path subdirectory(String name) {
        try {
            ensureCreated();
            return Files.createDirectories(path.resolve(name),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + name + " in " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and its files, if this process owns them; safe to call more than once. */
    public void deleteIfOwned() {
        if (owned) {
            deleteTree(path);
        }
    }

    /**
     * Deletes session directories, and directories of pipes to children, left by processes that no
     * longer run (a kernel killed with kill -9).
     *
     * @return how many directories were removed
     */
    public static int sweepLeftovers() {
        int removed = 0;
        for (Path base : new Path[] {devShm(), Path.of(System.getProperty("java.io.tmpdir"))}) {
            if (base == null || !Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(base)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Matcher name = SESSION_NAME.matcher(entry.getFileName().toString());
                    if (name.matches() && !entry.equals(SESSION.path) && Files.isWritable(entry)
                            && !ProcessHandle.of(Long.parseLong(name.group(1))).map(ProcessHandle::isAlive).orElse(false)) {
                        deleteTree(entry);
                        removed++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // another user's directory or a race with another sweeper: leave it
            }
        }
        return removed;
    }

    private synchronized void ensureCreated() throws IOException {
        if (!created) {
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            created = true;
        }
    }

    private static SharedMemoryDirectory forThisProcess() {
        String inherited = System.getenv(ENVIRONMENT_VARIABLE);
        if (inherited != null && !inherited.isBlank()) {
            return new SharedMemoryDirectory(Path.of(inherited), false);
        }
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        Path base = devShm() != null ? devShm() : Path.of(System.getProperty("java.io.tmpdir"));
        SharedMemoryDirectory root = new SharedMemoryDirectory(
                base.resolve("proclab-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random)), true);
        Runtime.getRuntime().addShutdownHook(new Thread(root::deleteIfOwned, "proclab-shm-cleanup"));
        return root;
    }

    private static Path devShm() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : null;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone, or being deleted by another process
        }
    }
}
