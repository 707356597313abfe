package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code %classpath}'s arguments: paths, directories, globs, quotes, Windows separators. */
class ClassPathArgumentsTest {
    @TempDir
    Path base;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(base.resolve("lib/sub"));
        Files.createDirectories(base.resolve("classes"));
        Files.createDirectories(base.resolve("my libs"));
        for (String file : List.of("lib/b.jar", "lib/a.jar", "lib/readme.txt", "lib/sub/c.jar", "my libs/d.jar", "notes.txt")) {
            Files.writeString(base.resolve(file), "x");
        }
    }

    // Relative paths start at the working directory; files and directories come back absolute and normalised.
    @Test
    void relativePathsResolveAgainstTheBase() throws ClassPathException {
        assertEquals(List.of(base.resolve("lib/a.jar"), base.resolve("classes")),
                ClassPathArguments.expand("lib/../lib/a.jar  classes", base));
    }

    // A glob adds the jars it matches in name order, as Java's -cp lib/* does; ** descends into directories.
    @Test
    void globsMatchJarsInNameOrder() throws ClassPathException {
        assertEquals(List.of(base.resolve("lib/a.jar"), base.resolve("lib/b.jar")), ClassPathArguments.expand("lib/*", base));
        assertEquals(List.of(base.resolve("lib/a.jar"), base.resolve("lib/b.jar"), base.resolve("lib/sub/c.jar")),
                ClassPathArguments.expand("lib/**.jar", base));
        assertEquals(List.of(base.resolve("lib/a.jar")), ClassPathArguments.expand("l?b/[a]*.jar", base));
    }

    // Backslashes are separators too, so a notebook written on Windows works here.
    @Test
    void windowsSeparatorsAreRead() throws ClassPathException {
        assertEquals(List.of(base.resolve("lib/a.jar"), base.resolve("lib/b.jar")), ClassPathArguments.expand("lib\\*.jar", base));
        assertEquals(List.of(base.resolve("lib/sub/c.jar")), ClassPathArguments.expand("lib\\sub\\c.jar", base));
    }

    // The same entry written twice, or matched twice, is there once.
    @Test
    void duplicatesAreDropped() throws ClassPathException {
        assertEquals(List.of(base.resolve("lib/a.jar"), base.resolve("lib/b.jar")),
                ClassPathArguments.expand("lib/a.jar ./lib/a.jar lib/*.jar", base));
    }

    // Quotes keep a path with spaces together; an unclosed quote is an error.
    @Test
    void quotedPathsKeepTheirSpaces() throws ClassPathException {
        assertEquals(List.of(base.resolve("my libs/d.jar")), ClassPathArguments.expand("\"my libs/d.jar\"", base));
        assertEquals(List.of(base.resolve("my libs/d.jar")), ClassPathArguments.expand("\"my libs\"/*.jar", base));
        assertEquals("a quote is not closed", assertThrows(ClassPathException.class,
                () -> ClassPathArguments.expand("\"my libs/d.jar", base)).getMessage());
    }

    // Mistakes are one sentence each: a missing path, a file that is no jar, a glob without matches or without its directory.
    @Test
    void mistakesAreOneSentence() {
        assertTrue(message("missing.jar").startsWith("there is no file or directory missing.jar"));
        assertEquals("notes.txt is neither a jar file nor a directory of classes", message("notes.txt"));
        assertEquals("lib/*.war matches no jar file", message("lib/*.war"));
        assertEquals("there is no directory nowhere for nowhere/*.jar", message("nowhere/*.jar"));
    }

    private String message(String line) {
        return assertThrows(ClassPathException.class, () -> ClassPathArguments.expand(line, base)).getMessage();
    }
}
