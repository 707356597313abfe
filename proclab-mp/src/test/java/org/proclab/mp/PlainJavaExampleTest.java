package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlainJavaExample} run as its own JVM, the way a user runs an ordinary Java program. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlainJavaExampleTest {
    // The example prints the child's line before "messaging process finished", then the squares, and exits with 0.
    @Test
    void exampleRunsAsASeparateJvm(@TempDir Path tmp) throws Exception {
        Path output = tmp.resolve("output.txt");
        java.lang.Process example = new ProcessBuilder(MpTesting.javaExecutable(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), PlainJavaExample.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            boolean ended = example.waitFor(90, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, "the example did not end:\n" + text);
            assertEquals(0, example.exitValue(), text);
            List<String> lines = text.lines().map(String::strip).toList();
            int running = lines.indexOf("messaging process running");
            int finished = lines.indexOf("messaging process finished");
            assertTrue(running >= 0 && finished > running, text);
            assertTrue(lines.contains("exit code 0"), text);
            assertTrue(lines.contains("squares [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]"), text);
        } finally {
            example.descendants().forEach(ProcessHandle::destroyForcibly);
            example.destroyForcibly();
        }
    }
}
