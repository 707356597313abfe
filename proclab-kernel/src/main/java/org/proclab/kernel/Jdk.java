package org.proclab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A JDK the kernel is tested on. By default: the JDK running this JVM plus every
 * {@code /usr/lib/jvm/temurin-2*} installation; the environment variable {@code PROCLAB_TEST_JDKS}
 * (java homes separated by ':') replaces that list. The JUnit suite runs the kernel on each, and
 * {@code ./proclab test} asks {@code java -jar proclab.jar test-jdks} for the same list to run the
 * Jupyter harness on them.
 */
public record Jdk(Path home, String version) {
    public static final String ENV = "PROCLAB_TEST_JDKS";

    /** The JDKs to test on, each once (by its real path), this JVM's first unless the variable names others. */
    public static List<Jdk> available() {
        List<Path> homes = new ArrayList<>();
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) {
            for (String home : override.split(":")) {
                if (!home.isBlank()) {
                    homes.add(Path.of(home.strip()));
                }
            }
        } else {
            homes.add(Path.of(System.getProperty("java.home")));
            Path jvms = Path.of("/usr/lib/jvm");
            if (Files.isDirectory(jvms)) {
                try (DirectoryStream<Path> temurins = Files.newDirectoryStream(jvms, "temurin-2*")) {
                    temurins.forEach(homes::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Map<Path, Jdk> unique = new LinkedHashMap<>();
        for (Path home : homes) {
            if (override == null && !Files.isExecutable(home.resolve("bin").resolve("java"))) {
                continue;
            }
            unique.putIfAbsent(realPath(home), new Jdk(home, versionOf(home)));
        }
        return List.copyOf(unique.values());
    }

    private static Path realPath(Path home) {
        try {
            return home.toRealPath();
        } catch (IOException e) {
            return home.toAbsolutePath().normalize();
        }
    }

    /** JAVA_VERSION from the JDK's {@code release} file, or null when it has none. */
    private static String versionOf(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return null;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException e) {
            return null;
        }
        String version = properties.getProperty("JAVA_VERSION");
        return version == null ? null : version.replace("\"", "");
    }

    @Override
    public String toString() {
        return "JDK " + (version == null ? "?" : version) + " (" + home + ")";
    }
}
