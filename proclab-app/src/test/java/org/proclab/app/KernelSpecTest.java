package org.proclab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aJavaPathWithAQuoteASpaceAndABackslashStaysOneArgument() throws Exception {
        Path java = Path.of("/opt/my \"best\" jdk\\17/bin/java");
        JsonNode written = written(KernelSpec.of(java, List.of("-Xms16m"), "17.0.15", "dev"));
        assertEquals(java.toString(), written.get("argv").get(0).asText());
    }

    @Test
    void argvRunsTheJarOfTheKernelspecWithTheOptionsAndTheArchive() throws Exception {
        JsonNode written = written(KernelSpec.of(Path.of("/usr/lib/jvm/17/bin/java"),
                List.of("-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"), "17.0.15", "dev"));
        List<String> argv = new ArrayList<>();
        written.get("argv").forEach(word -> argv.add(word.asText()));
        assertEquals(List.of("/usr/lib/jvm/17/bin/java", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-XX:SharedArchiveFile={resource_dir}/proclab.jsa", "-Xlog:cds*=off",
                "-jar", "{resource_dir}/proclab.jar", "kernel", "{connection_file}"), argv);
    }

    @Test
    void everyFieldOfTheKernelspecIsWritten() throws Exception {
        JsonNode written = written(KernelSpec.of(Path.of("/usr/bin/java"), List.of(), "25.0.1", "1878dff-dirty"));
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("argv", "display_name", "language", "interrupt_mode", "env", "metadata"), Set.copyOf(fields));
        assertEquals("Java (ProcLab)", written.get("display_name").asText());
        assertEquals("java", written.get("language").asText());
        assertEquals("message", written.get("interrupt_mode").asText());
        assertEquals(PLAIN.createObjectNode(), written.get("env"));
        assertEquals(PLAIN.readTree("{\"proclab\": {\"java_version\": \"25.0.1\", \"version\": \"1878dff-dirty\"}}"),
                written.get("metadata"));
    }

    @Test
    void aPublishedCourseIsGivenToTheKernelInItsEnvironment() throws Exception {
        JsonNode written = written(KernelSpec.of(Path.of("/usr/bin/java"), List.of(), "17.0.15", "dev")
                .withCourseUrl("https://hub.example.org/course/"));
        assertEquals(PLAIN.readTree("{\"PROCLAB_COURSE_URL\": \"https://hub.example.org/course/\"}"), written.get("env"));
    }

    private JsonNode written(KernelSpec spec) throws Exception {
        Path file = dir.resolve("kernel.json");
        spec.write(file);
        return PLAIN.readTree(file.toFile());
    }
}
