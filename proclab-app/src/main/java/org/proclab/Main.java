package org.proclab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.proclab.app.InstallCommand;
import org.proclab.course.CourseMain;
import org.proclab.kernel.ArchiveTraining;
import org.proclab.kernel.KernelJvmOptions;
import org.proclab.kernel.Jdk;
import org.proclab.kernel.KernelMain;

/**
 * Entry point of {@code proclab.jar}. The {@code ./proclab} launcher calls it; Jupyter calls it
 * through the kernelspec as {@code java -jar proclab.jar kernel CONNECTION_FILE}. {@code run} and
 * {@code check} are the course in a terminal ({@link CourseMain}); {@code install} installs the
 * kernelspec ({@link InstallCommand}); {@code jvm-options} prints the kernel's JVM options for this
 * java, one a line, for the launcher's {@code kernel}, {@code run} and {@code check}
 * ({@link KernelJvmOptions}); {@code test-jdks} prints the JDKs the tests run the kernel on, one java
 * home a line ({@link Jdk#available()}); {@code train} is the scripted session {@code install} makes the
 * kernel's class-data archive from ({@link ArchiveTraining}).
 */
public final class Main {
    /** Arguments after the connection file are ignored: {@code jupyter run} appends its file names. */
    private static final String USAGE = "usage: java -jar proclab.jar kernel CONNECTION_FILE\n"
            + "       java -jar proclab.jar run [--all] NOTEBOOK.ipynb\n"
            + "       java -jar proclab.jar check NOTEBOOK.ipynb...\n"
            + "       java -jar proclab.jar install [--user | --sys-prefix | --prefix DIR]\n"
            + "       java -jar proclab.jar jvm-options\n"
            + "       java -jar proclab.jar test-jdks";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("kernel")) {
            try {
                System.exit(KernelMain.run(Path.of(args[1]), true));
            } catch (IOException e) {
                System.err.println("proclab: " + e.getMessage());
                System.exit(1);
            }
        }
        if (args.length >= 1 && (args[0].equals("run") || args[0].equals("check"))) {
            List<String> rest = List.of(args).subList(1, args.length);
            try {
                System.exit(args[0].equals("run") ? CourseMain.run(rest) : CourseMain.check(rest));
            } catch (IOException e) {
                System.err.println("proclab: " + e.getMessage());
                System.exit(1);
            }
        }
        if (args.length >= 1 && args[0].equals("install")) {
            System.exit(InstallCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length == 1 && args[0].equals("test-jdks")) {
            Jdk.available().forEach(jdk -> System.out.println(jdk.home()));
            return;
        }
        if (args.length == 1 && args[0].equals("jvm-options")) {
            KernelJvmOptions.forThisJava().forEach(System.out::println);
            return;
        }
        if (args.length == 1 && args[0].equals("train")) {
            System.exit(ArchiveTraining.run());
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        System.err.println("proclab: " + USAGE);
        System.exit(2);
    }
}
