package org.proclab.magic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.proclab.engine.classpath.ClassPathException;
import org.proclab.engine.classpath.UserPaths;
import org.proclab.engine.jshell.Evaluation;

/**
 * {@code %load FILE}: runs the Java in a file ({@code .jsh} snippets or a {@code .java} source) as if
 * it were typed into the cell, so its methods, classes and variables are there for later cells.
 * A {@code .java} file's {@code package} line is left out: cells have no package.
 */
final class LoadMagic extends DescribedMagic {
    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

    LoadMagic() {
        super("load", false, "%load FILE.jsh | FILE.java   (relative to the notebook's folder)",
                "Runs the Java code in a file as if it were typed into this cell.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        String written = arguments.strip();
        if (written.length() > 1 && written.startsWith("\"") && written.endsWith("\"")) {
            written = written.substring(1, written.length() - 1);
        }
        if (written.isEmpty()) {
            throw new MagicUsageException("name the file to load");
        }
        Path file;
        try {
            file = UserPaths.resolve(written, ClassPathMagic.workingDirectory());
        } catch (ClassPathException e) {
            throw new MagicUsageException(e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            throw new MagicUsageException("there is no file " + written + " (looked for " + file + ")");
        }
        String code;
        try {
            code = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MagicUsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (file.getFileName().toString().endsWith(".java")) {
            code = PACKAGE_LINE.matcher(code).replaceFirst("");
        }
        return context.evaluate(code);
    }
}
