package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths as users write them: relative, with ~, with backslashes, with a Windows drive. */
class UserPathsTest {
    @TempDir
    Path base;

    @Test
    void relativeAndHomePaths() throws ClassPathException {
        assertEquals(base.resolve("lib/a.jar"), UserPaths.resolve("./lib/x/../a.jar", base, null));
        assertEquals(Path.of(System.getProperty("user.home"), "libs", "a.jar"), UserPaths.resolve("~/libs/a.jar", base, null));
        assertEquals(Path.of("/opt/a.jar"), UserPaths.resolve("/opt/a.jar", base, null));
    }

    @Test
    void backslashesAreSeparators() throws ClassPathException {
        assertEquals(base.resolve("lib/sub/a.jar"), UserPaths.resolve("lib\\sub\\a.jar", base, null));
    }

    // A drive path means the drive where WSL mounts it, if it is there; otherwise it is an error.
    @Test
    void windowsDrivePaths() throws IOException, ClassPathException {
        Path mounts = Files.createDirectories(base.resolve("mnt/c")).getParent();
        assertEquals(mounts.resolve("c/libs/a.jar"), UserPaths.resolve("C:\\libs\\a.jar", base, mounts));
        String message = assertThrows(ClassPathException.class, () -> UserPaths.resolve("D:\\libs\\a.jar", base, mounts)).getMessage();
        assertTrue(message.startsWith("D:\\libs\\a.jar is a Windows path, and this kernel runs on "), message);
    }
}
