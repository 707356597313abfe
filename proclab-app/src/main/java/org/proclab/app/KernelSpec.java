package org.proclab.app;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.proclab.kernel.KernelInfo;

/**
 * The {@code kernel.json} of the kernelspec: how Jupyter starts the kernel and what it calls it
 * (jupyter_client's "Kernel specs"). Jackson writes it, so a java path with a quote, a backslash or a
 * space stays one well-formed string of {@code argv}. Jupyter replaces {@code {resource_dir}} with the
 * kernelspec's directory and {@code {connection_file}} with the file of each kernel it starts.
 *
 * @param argv the java found at install time (decision 004), the kernel's JVM options, the class
 *     archive made at install (decision 014, silent when missing or stale), the jar and the command
 * @param displayName the name front ends show in their kernel menus
 * @param language the language of the cells
 * @param interruptMode {@code message}: the stop button sends {@code interrupt_request}, which every
 *     front end can do (SIGINT is handled too)
 * @param env variables Jupyter sets for the kernel: none, or where the course is published
 *     ({@link KernelInfo#COURSE_URL}, for the front ends' Help menu)
 * @param metadata which java and which build of ProcLab the kernelspec was made with
 */
public record KernelSpec(List<String> argv, String displayName, String language, String interruptMode,
        Map<String, String> env, Metadata metadata) {
    /** The file name of the kernel's jar in the kernelspec directory. */
    public static final String JAR = "proclab.jar";
    /** The file name of the class-data archive in the kernelspec directory. */
    public static final String ARCHIVE = "proclab.jsa";
    /** Jupyter's field names (display_name, interrupt_mode), a word of {@code argv} a line. */
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
            .writer(new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    /** {@code metadata} of the kernelspec: ProcLab's own part. */
    public record Metadata(Build proclab) {
    }

    /**
     * @param javaVersion {@code java.version} of the java in {@code argv}
     * @param version the ProcLab build ({@code git describe} of its checkout, or {@code dev})
     */
    public record Build(String javaVersion, String version) {
    }

    public KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** ProcLab's kernelspec for a kernel run by {@code java} with {@code jvmOptions}. */
    public static KernelSpec of(Path java, List<String> jvmOptions, String javaVersion, String version) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-XX:SharedArchiveFile={resource_dir}/" + ARCHIVE, "-Xlog:cds*=off",
                "-jar", "{resource_dir}/" + JAR, "kernel", "{connection_file}"));
        return new KernelSpec(argv, "Java (ProcLab)", "java", "message", Map.of(),
                new Metadata(new Build(javaVersion, version)));
    }

    /** This kernelspec, for a kernel whose Help menu links the course published at {@code url}. */
    public KernelSpec withCourseUrl(String url) {
        return new KernelSpec(argv, displayName, language, interruptMode, Map.of(KernelInfo.COURSE_URL, url), metadata);
    }

    /** Writes this kernelspec as indented JSON, a word of {@code argv} a line. */
    public void write(Path file) throws IOException {
        Files.writeString(file, WRITER.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
    }
}
