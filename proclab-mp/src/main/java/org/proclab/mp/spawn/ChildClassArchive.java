package org.proclab.mp.spawn;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A class-data sharing archive (AppCDS) of the classes child JVMs load: the first child writes it
 * when it exits (after loading all of ProcLab's child-side classes, {@link ClassesToArchive}), every
 * later child maps it instead of reading and verifying those classes again.
 * Measured, this makes a child's start 20–25 % shorter (docs/decisions/008-child-jvm-options.md).
 *
 * <p>The archive belongs to one java and one class path (the JVM ignores, silently, an archive made
 * for other jars), so its file name is a digest of both, in {@code ~/.cache/proclab/cds}. One child
 * at a time writes it, to a temporary file that becomes the archive only when complete. Where the
 * cache cannot be written, children run another java than the parent, or the class path has
 * directories (the JVM archives only classes from jar files), children start without.
 * {@code -Dproclab.child.cds=false} turns it off; {@code -Dproclab.child.cds.dir=DIR} puts the
 * archives elsewhere.
 *
 * <p>Every rebuilt jar and every class path ({@code %classpath}, {@code %maven}) makes an archive of
 * its own (~2 MB), so the cache keeps the archives used in the last week, and at most
 * {@link #KEEP_AT_MOST} of them: a developer who rebuilds all day would otherwise fill the disk (1.4
 * GB after a day of builds here). A child that maps an archive marks it as used (once a day).
 */
final class ChildClassArchive {
    private static final AtomicBoolean WRITING = new AtomicBoolean();
    private static final Duration KEEP_OLD_ARCHIVES = Duration.ofDays(7);
    /** The most archives the cache keeps, the newly published one included. */
    static final int KEEP_AT_MOST = 16;
    private static final Duration MARK_USE_EVERY = Duration.ofDays(1);
    /** The JVM reports classes it could not archive on stdout, which would land in the student's cell. */
    private static final String QUIET = "-Xlog:cds*=off";

    /** What a child JVM is given: its options, and what to do once it has exited. */
    record Plan(List<String> options, Runnable afterExit) {
        static final Plan NONE = new Plan(List.of(), () -> { });
    }

    private ChildClassArchive() {
    }

    /** The archive options for the next child that runs {@code javaCommand} with {@code classPath}. */
    static Plan plan(String javaCommand, String classPath) {
        if (!Boolean.parseBoolean(System.getProperty("proclab.child.cds", "true")) || !isOwnJava(javaCommand)
                || !onlyJars(classPath)) {
            return Plan.NONE;
        }
        Path directory = cacheDirectory();
        Path archive = directory.resolve("children-" + digest(javaCommand, classPath) + ".jsa");
        if (Files.isReadable(archive)) {
            markUsed(archive);
            return new Plan(List.of("-XX:SharedArchiveFile=" + archive, QUIET), () -> { });
        }
        if (!WRITING.compareAndSet(false, true)) {
            return Plan.NONE;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "children-", ".jsa.partial");
            Files.delete(partial);
            return new Plan(List.of("-XX:ArchiveClassesAtExit=" + partial, QUIET, "-D" + ClassesToArchive.PROPERTY + "=true"),
                    () -> publish(partial, archive));
        } catch (IOException | RuntimeException e) {
            WRITING.set(false);
            return Plan.NONE;
        }
    }

    /** Marks an archive as in use (its time), at most once a day, so that the clean-up keeps it. */
    private static void markUsed(Path archive) {
        try {
            Instant now = Instant.now();
            if (Files.getLastModifiedTime(archive).toInstant().isBefore(now.minus(MARK_USE_EVERY))) {
                Files.setLastModifiedTime(archive, FileTime.from(now));
            }
        } catch (IOException e) {
            // a cache we may read but not write: its archives are kept by age alone
        }
    }

    /** Makes a complete archive visible to later children and removes old ones of other jars. */
    private static void publish(Path partial, Path archive) {
        try {
            if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOldArchives(archive.getParent(), archive);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // the next child tries again
        } finally {
            WRITING.set(false);
        }
    }

    /**
     * Removes the files of other writes that were not used for a week (partial ones of writers that
     * died included), and the archives beyond the {@link #KEEP_AT_MOST} used last.
     */
    private static void removeOldArchives(Path directory, Path keep) throws IOException {
        Instant cutoff = Instant.now().minus(KEEP_OLD_ARCHIVES);
        List<Dated> others;
        try (Stream<Path> files = Files.list(directory)) {
            others = files.filter(file -> !file.equals(keep) && file.getFileName().toString().startsWith("children-"))
                    .map(file -> new Dated(file, lastModified(file)))
                    .sorted(Comparator.comparing(Dated::modified).reversed()).toList();
        }
        int archivesKept = 1;
        for (Dated other : others) {
            boolean archive = other.file().getFileName().toString().endsWith(".jsa");
            if (other.modified().isBefore(cutoff) || archive && archivesKept >= KEEP_AT_MOST) {
                Files.deleteIfExists(other.file());
            } else if (archive) {
                archivesKept++;
            }
        }
    }

    /** A file of the cache with its time, read once. */
    private record Dated(Path file, Instant modified) {
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH; // gone meanwhile: nothing to keep
        }
    }

    /** The JVM archives classes from jar files only: a directory on the class path makes dumping fail. */
    private static boolean onlyJars(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !new File(entry).isFile()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOwnJava(String javaCommand) {
        return Path.of(javaCommand).equals(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private static Path cacheDirectory() {
        String chosen = System.getProperty("proclab.child.cds.dir");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("proclab").resolve("cds");
    }

    /** The java and every class path entry with its size and time: what the JVM checks an archive against. */
    private static String digest(String javaCommand, String classPath) {
        StringBuilder identity = new StringBuilder(System.getProperty("java.vm.version")).append('|').append(javaCommand);
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            identity.append('|').append(entry).append(':').append(file.length()).append(':').append(file.lastModified());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
