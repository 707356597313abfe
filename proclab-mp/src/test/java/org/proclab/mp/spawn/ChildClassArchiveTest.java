package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private String jar(String name) throws IOException {
        return Files.write(jars.resolve(name), new byte[] {'P', 'K'}).toString();
    }

    private static String option(List<String> options, String prefix) {
        return options.stream().filter(option -> option.startsWith(prefix)).map(option -> option.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in " + options));
    }
}
