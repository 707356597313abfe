package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AppCDS plan for children: who writes the archive, who maps it, and when there is none. */
class ChildClassArchiveTest {
    private static final String OWN_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path cache;
    @TempDir
    Path jars;

    @BeforeEach
    void useTemporaryCache() {
        System.setProperty("proclab.child.cds.dir", cache.toString());
    }

    @AfterEach
    void restoreCache() {
        System.clearProperty("proclab.child.cds.dir");
    }

    // The first child writes the archive to a partial file (loading every child class first, so the archive does not
    // depend on what that child ran); while it runs no other child writes; once published, children map it.
    @Test
    void firstChildWritesLaterChildrenMap() throws IOException {
        String classPath = jar("a.jar") + File.pathSeparator + jar("b.jar");
        ChildClassArchive.Plan writer = ChildClassArchive.plan(OWN_JAVA, classPath);
        String dump = option(writer.options(), "-XX:ArchiveClassesAtExit=");
        assertTrue(writer.options().contains("-Xlog:cds*=off"), writer.options().toString());
        assertTrue(writer.options().contains("-Dproclab.child.archiving=true"), "the writer loads all child classes first");
        assertEquals(List.of(), ChildClassArchive.plan(OWN_JAVA, classPath).options(), "only one writer at a time");

        Files.write(Path.of(dump), new byte[] {1, 2, 3});
        writer.afterExit().run();
        String mapped = option(ChildClassArchive.plan(OWN_JAVA, classPath).options(), "-XX:SharedArchiveFile=");
        assertTrue(Files.isRegularFile(Path.of(mapped)) && Path.of(mapped).getParent().equals(cache), mapped);
    }

    // A child that died before writing (nothing in the partial file) leaves no archive; the next child writes again.
    @Test
    void failedWriteIsRetried() throws IOException {
        String classPath = jar("c.jar");
        ChildClassArchive.plan(OWN_JAVA, classPath).afterExit().run();
        ChildClassArchive.Plan again = ChildClassArchive.plan(OWN_JAVA, classPath);
        option(again.options(), "-XX:ArchiveClassesAtExit=");
        again.afterExit().run();
        try (var files = Files.list(cache)) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".jsa")));
        }
    }

    // No archive where the JVM cannot make or use one: a directory on the class path, or another java than the parent's.
    @Test
    void noArchiveForDirectoriesOrAnotherJava() throws IOException {
        assertEquals(List.of(), ChildClassArchive.plan(OWN_JAVA, jar("d.jar") + File.pathSeparator + jars).options());
        assertEquals(List.of(), ChildClassArchive.plan("/usr/bin/some-other-java", jar("e.jar")).options());
    }

    // Publishing an archive leaves the newest ones, at most KEEP_AT_MOST in all, and removes week-old
    // ones; an old archive that a child mapped counts as new.
    @Test
    void theCacheKeepsTheArchivesUsedLast() throws IOException {
        String used = jar("used.jar");
        publish(used);
        Path usedArchive = Path.of(option(ChildClassArchive.plan(OWN_JAVA, used).options(), "-XX:SharedArchiveFile="));
        Instant now = Instant.now();
        Files.setLastModifiedTime(usedArchive, FileTime.from(now.minus(Duration.ofDays(30))));
        ChildClassArchive.plan(OWN_JAVA, used);
        for (int i = 0; i < ChildClassArchive.KEEP_AT_MOST + 4; i++) {
            Path old = Files.write(cache.resolve("children-old" + i + ".jsa"), new byte[] {1});
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(i + 1))));
        }
        Path stale = Files.write(cache.resolve("children-stale.jsa.partial"), new byte[] {1});
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofDays(8))));

        publish(jar("fresh.jar"));

        try (var files = Files.list(cache)) {
            List<String> left = files.map(file -> file.getFileName().toString()).sorted().toList();
            assertEquals(ChildClassArchive.KEEP_AT_MOST, left.size(), left.toString());
            assertTrue(left.contains(usedArchive.getFileName().toString()), "the archive a child mapped stays: " + left);
            assertTrue(left.contains("children-old0.jsa") && !left.contains("children-old14.jsa"), left.toString());
        }
    }

    /** Writes and publishes the archive of a class path, as the child that dumps it does. */
    private static void publish(String classPath) throws IOException {
        ChildClassArchive.Plan writer = ChildClassArchive.plan(OWN_JAVA, classPath);
        Files.write(Path.of(option(writer.options(), "-XX:ArchiveClassesAtExit=")), new byte[] {1});
        writer.afterExit().run();
    }

    private String jar(String name) throws IOException {
        return Files.write(jars.resolve(name), new byte[] {'P', 'K'}).toString();
    }

    private static String option(List<String> options, String prefix) {
        return options.stream().filter(option -> option.startsWith(prefix)).map(option -> option.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in " + options));
    }
}
