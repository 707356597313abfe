package org.proclab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.proclab.kernel.KernelJvmOptions;

/**
 * {@code java -jar proclab.jar install [--user | --sys-prefix | --prefix DIR] [--course-url URL]}:
 * installs the Jupyter kernelspec {@code proclab} for the java running this command ({@code ./proclab
 * install} runs it with the java it found: {@code JAVA_HOME}, else {@code PATH}); a teacher who
 * publishes the course gives its address, which the front ends' Help menu then links. It copies this jar and the library
 * jar beside it into the kernelspec ({@link KernelspecDirectory}), writes {@code kernel.json} with
 * the kernel's JVM options ({@link KernelSpec}, {@link KernelJvmOptions}) and then makes the class
 * archive in place ({@link ClassArchive}).
 */
public final class InstallCommand {
    static final String USAGE = "usage: java -jar proclab.jar install [--user | --sys-prefix | --prefix DIR]"
            + " [--course-url URL]\n"
            + "  --user (default): for this user; --sys-prefix: in the environment of the Python that has\n"
            + "  jupyter_client; --prefix DIR: in DIR/share/jupyter/kernels\n"
            + "  --course-url URL: where the course is published (http or https); the Help menu links it";

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");

    private InstallCommand() {
    }

    /** Runs the command; the exit status: 0 installed, 1 failed, 2 wrong arguments. */
    public static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        String where = "--user";
        Path prefix = null;
        String courseUrl = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--user", "--sys-prefix" -> where = args.get(i);
                case "--prefix" -> {
                    if (i + 1 == args.size()) {
                        err.println("proclab: --prefix needs a directory");
                        return 2;
                    }
                    where = "--prefix";
                    prefix = Path.of(args.get(++i));
                }
                case "--course-url" -> {
                    if (i + 1 == args.size() || !WEB_ADDRESS.matcher(args.get(i + 1)).matches()) {
                        err.println("proclab: --course-url needs an http or https address");
                        return 2;
                    }
                    courseUrl = args.get(++i);
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("proclab: install: unknown option " + args.get(i) + "\n" + USAGE);
                    return 2;
                }
            }
        }
        try {
            Path kernels = switch (where) {
                case "--prefix" -> KernelsDirectory.prefix(prefix);
                case "--sys-prefix" -> KernelsDirectory.sysPrefix();
                default -> KernelsDirectory.user();
            };
            Path java = KernelJvmOptions.thisJava().toRealPath();
            Path jar = runningJar();
            List<String> options = KernelJvmOptions.forJava(java);
            KernelSpec spec = KernelSpec.of(java, options, System.getProperty("java.version"), CheckoutVersion.of(jar));
            if (courseUrl != null) {
                spec = spec.withCourseUrl(courseUrl);
            }
            Path target = KernelspecDirectory.install(kernels, jar, spec);
            ClassArchive.make(java, options, target, err);
            out.println("proclab: installed kernelspec '" + KernelspecDirectory.NAME + "' (" + spec.displayName()
                    + ", " + java + ") in " + target);
            return 0;
        } catch (IOException e) {
            err.println("proclab: install failed: " + e);
            return 1;
        }
    }

    /** The proclab.jar this class was loaded from: the jar the kernelspec gets a copy of. */
    private static Path runningJar() throws IOException {
        try {
            Path jar = Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IOException("install copies the jar it runs from, but runs from " + jar
                        + ": run java -jar proclab.jar install");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell which jar this is", e);
        }
    }
}
