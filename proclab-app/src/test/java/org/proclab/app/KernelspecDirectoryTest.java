package org.proclab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecDirectoryTest {
    @TempDir
    Path dir;
    private Path jar;
    private final KernelSpec spec = KernelSpec.of(Path.of("/usr/bin/java"), List.of("-Xms16m"), "17.0.15", "dev");

    @BeforeEach
    void build() throws Exception {
        Path target = Files.createDirectories(dir.resolve("build/proclab-app/target"));
        jar = Files.write(target.resolve("proclab.jar"), new byte[] {1, 2, 3});
        Files.write(target.resolve("proclab-mp.jar"), new byte[] {4, 5});
    }

    @Test
    void theKernelspecHoldsBothJarsTheLogosAndKernelJson() throws Exception {
        Path installed = KernelspecDirectory.install(dir.resolve("kernels"), jar, spec);
        assertEquals(dir.resolve("kernels/proclab"), installed);
        assertEquals(Set.of("proclab.jar", "proclab-mp.jar", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg",
                "kernel.json"), names(installed));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(installed.resolve("proclab.jar")));
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(installed.resolve("proclab-mp.jar")));
        assertEquals(Files.readString(written(spec)), Files.readString(installed.resolve("kernel.json")));
    }

    @Test
    void othersCanReadTheKernelspecButNotChangeIt() throws Exception {
        Path installed = KernelspecDirectory.install(dir.resolve("kernels"), jar, spec);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed)));
        for (String name : names(installed)) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(installed.resolve(name))), name);
        }
    }

    @Test
    void installingAgainReplacesTheOldKernelspecWholeAndLeavesNothingBeside() throws Exception {
        Path kernels = dir.resolve("kernels");
        Path first = KernelspecDirectory.install(kernels, jar, spec);
        Files.writeString(first.resolve("proclab.jsa"), "an archive of the old jar");
        Files.write(jar, new byte[] {9});
        KernelspecDirectory.install(kernels, jar, spec);
        assertFalse(Files.exists(first.resolve("proclab.jsa")));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(first.resolve("proclab.jar")));
        assertEquals(Set.of("proclab"), names(kernels));
    }

    private Path written(KernelSpec kernelSpec) throws Exception {
        Path file = dir.resolve("expected.json");
        kernelSpec.write(file);
        return file;
    }

    private static Set<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return Set.copyOf(files.map(file -> file.getFileName().toString()).toList());
        }
    }
}
