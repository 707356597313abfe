package org.proclab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proclab.kernel.KernelJvmOptions;

/** The failing training; the harness checks that an installed kernel maps the archive a real one made. */
class ClassArchiveTest {
    @TempDir
    Path kernelspec;

    @Test
    void aTrainingThatFailsLeavesNoArchiveAndSaysWhatTheSessionPrinted() throws Exception {
        Files.writeString(kernelspec.resolve("proclab.jar"), "not a jar");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        boolean made = ClassArchive.make(KernelJvmOptions.thisJava(), List.of("-Xms16m"), kernelspec,
                new PrintStream(said, true, StandardCharsets.UTF_8));
        assertFalse(made);
        try (Stream<Path> files = Files.list(kernelspec)) {
            assertEquals(List.of(kernelspec.resolve("proclab.jar")), files.toList());
        }
        String log = said.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("no class archive for the kernel"), log);
        assertTrue(log.contains("proclab.jar"), log);
    }
}
