package org.proclab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's class-data archive (decision 014): the installed jar runs a short scripted session
 * ({@code train}) and the JVM archives the classes it loaded when it exits; {@code kernel.json} maps
 * {@code {resource_dir}/proclab.jsa}, so kernels start without loading those classes one by one.
 * It is made in the kernelspec directory after that directory is in its final place, because the
 * JVM ties an archive to the path of its jar and ignores it under another one. The archive is
 * written to a partial file and renamed when complete. If it cannot be made, kernels start without
 * it (the JVM ignores a missing archive), only slower, and the install still succeeds.
 */
final class ClassArchive {
    /** The longest a training session may take (it takes ~10 s); then it is killed. */
    private static final long LIMIT_SECONDS = 300;
    private static final int LINES_SHOWN = 5;

    private ClassArchive() {
    }

    /**
     * Makes {@code kernelspec/proclab.jsa} with {@code java} and the kernel's {@code jvmOptions};
     * true when made, else says on {@code log} what the session printed last.
     */
    static boolean make(Path java, List<String> jvmOptions, Path kernelspec, PrintStream log)
            throws IOException, InterruptedException {
        log.println("proclab: making the kernel's class archive (a scripted session, ~10 s) ...");
        Path partial = kernelspec.resolve(KernelSpec.ARCHIVE + ".partial");
        Path output = Files.createTempFile("proclab-training", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(java.toString(),
                    "-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds*=off"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", kernelspec.resolve(KernelSpec.JAR).toString(), "train"));
            ProcessBuilder training = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // The idle compiler warm-up would only add classes of a session no student sees.
            training.environment().put("PROCLAB_WARMUP_SNIPPETS", "0");
            if (finishedWell(training.start()) && Files.exists(partial) && Files.size(partial) > 0) {
                Path archive = kernelspec.resolve(KernelSpec.ARCHIVE);
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.setPosixFilePermissions(archive, KernelspecDirectory.FILE);
                return true;
            }
            log.println("proclab: note: no class archive for the kernel (it starts ~0.5 s slower); the session said:");
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            lines.subList(Math.max(0, lines.size() - LINES_SHOWN), lines.size()).forEach(log::println);
            if (lines.isEmpty()) {
                log.println("(nothing)");
            }
            return false;
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(output);
        }
    }

    /** Waits for the session; true when it ended with status 0 within the limit, else it is killed. */
    private static boolean finishedWell(Process session) throws InterruptedException {
        if (session.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            return session.exitValue() == 0;
        }
        session.descendants().forEach(ProcessHandle::destroyForcibly);
        session.destroyForcibly().waitFor();
        return false;
    }
}
