package org.proclab.magic;

import java.nio.file.Path;
import java.util.List;
import org.proclab.engine.classpath.ClassPathArguments;
import org.proclab.engine.classpath.ClassPathException;
import org.proclab.engine.jshell.Evaluation;

/**
 * {@code %classpath PATH...}: puts jar files, directories of classes or globs of jars on the class
 * path of the cells and of every process started afterwards; alone, lists what was added.
 */
final class ClassPathMagic extends DescribedMagic {
    ClassPathMagic() {
        super("classpath", false, "%classpath [JAR | DIRECTORY | GLOB ...]   (e.g. %classpath lib/*.jar classes)",
                "Adds jars, directories of classes or globs of jars (relative to the notebook's folder) to the class path"
                        + " of the cells and of every Process or Pool started afterwards; alone, lists what was added.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (arguments.isBlank()) {
            list(context);
            return new Evaluation.Completed(null);
        }
        List<Path> entries;
        try {
            entries = ClassPathArguments.expand(arguments, workingDirectory());
        } catch (ClassPathException e) {
            throw new MagicUsageException(e.getMessage());
        }
        StringBuilder report = new StringBuilder();
        for (Path entry : entries) {
            report.append(context.addToClassPath(entry) ? "Added " : "Already on the class path: ").append(entry).append('\n');
        }
        context.print(report.toString());
        return new Evaluation.Completed(null);
    }

    private static void list(MagicContext context) {
        List<Path> added = context.addedClassPath();
        if (added.isEmpty()) {
            context.print("Nothing was added to the class path yet.\n");
            return;
        }
        StringBuilder listing = new StringBuilder("Added to the class path:\n");
        added.forEach(entry -> listing.append("  ").append(entry).append('\n'));
        context.print(listing.toString());
    }

    /** Where relative paths start: the kernel's working directory, which Jupyter sets to the notebook's folder. */
    static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir"));
    }
}
