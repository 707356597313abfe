package org.proclab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts the kernelspec directory {@code proclab} in place under a directory of kernelspecs: its own
 * copy of {@code proclab.jar} and of {@code proclab-mp.jar} (the jar's {@code Class-Path}, all a child
 * JVM loads), so rebuilding or moving the checkout does not break it (decision 004), the logos and
 * {@code kernel.json}. The directory is filled under a temporary name beside its place and then
 * renamed into it, so Jupyter never sees half of it and an older install is replaced whole, by two
 * renames. Directories are 755 and files 644: other users of a shared server can run the kernel,
 * not change it.
 */
final class KernelspecDirectory {
    static final String NAME = "proclab";
    static final String LIBRARY = "proclab-mp.jar";
    static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png", "logo-svg.svg");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private KernelspecDirectory() {
    }

    /**
     * Installs {@code jar}, the library jar beside it, the logos and {@code spec} as
     * {@code kernels/proclab}, replacing what was there, and returns that directory.
     */
    static Path install(Path kernels, Path jar, KernelSpec spec) throws IOException {
        Files.createDirectories(kernels);
        Path staging = Files.createTempDirectory(kernels, "." + NAME + ".");
        try {
            Files.copy(jar, staging.resolve(KernelSpec.JAR));
            Files.copy(jar.resolveSibling(LIBRARY), staging.resolve(LIBRARY));
            for (String logo : LOGOS) {
                try (InputStream image = KernelspecDirectory.class.getResourceAsStream("kernelspec/" + logo)) {
                    if (image == null) {
                        throw new IOException("the logo " + logo + " is missing from proclab.jar");
                    }
                    Files.copy(image, staging.resolve(logo));
                }
            }
            spec.write(staging.resolve("kernel.json"));
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
            Files.setPosixFilePermissions(staging, DIRECTORY);
            Path target = kernels.resolve(NAME);
            replace(target, staging);
            return target;
        } finally {
            deleteTree(staging);
        }
    }

    /** Renames {@code staging} to {@code target}; an existing {@code target} is renamed away first and deleted after. */
    private static void replace(Path target, Path staging) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = staging.resolveSibling(staging.getFileName() + ".old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Deletes a directory and what it holds, if it still exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
