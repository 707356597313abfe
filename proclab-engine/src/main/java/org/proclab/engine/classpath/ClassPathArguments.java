package org.proclab.engine.classpath;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The arguments of {@code %classpath}: jar files, directories of classes and globs such as
 * {@code lib/*.jar} or {@code libs/**.jar}, separated by spaces (quote a path that has spaces).
 * A glob adds the jar files it matches, in name order, as Java's own {@code -cp lib/*} does; the
 * segments before the first one with a wildcard name the directory searched. Paths are read by
 * {@link UserPaths}: relative to the working directory, with {@code \} or {@code /}.
 */
public final class ClassPathArguments {
    private static final String WILDCARDS = "*?[{";

    private ClassPathArguments() {
    }

    /**
     * The class path entries {@code line} names, each once, absolute and normalised.
     *
     * @param base the directory relative paths start from (the kernel's working directory)
     * @throws ClassPathException for a missing path, a file that is not a jar, a glob that matches
     *     no jar, or an unclosed quote
     */
    public static List<Path> expand(String line, Path base) throws ClassPathException {
        Set<Path> entries = new LinkedHashSet<>();
        for (String word : words(line)) {
            entries.addAll(hasWildcard(word) ? matchGlob(word, base) : List.of(existing(word, base)));
        }
        return List.copyOf(entries);
    }

    /** The words of {@code line}: separated by spaces, a part in double quotes kept whole. */
    static List<String> words(String line) throws ClassPathException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new ClassPathException("a quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean hasWildcard(String word) {
        return word.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0);
    }

    private static Path existing(String written, Path base) throws ClassPathException {
        Path path = UserPaths.resolve(written, base);
        if (Files.isDirectory(path)) {
            return path;
        }
        if (!Files.exists(path)) {
            throw new ClassPathException("there is no file or directory " + written + " (looked for " + path + ")");
        }
        if (!isJar(path)) {
            throw new ClassPathException(written + " is neither a jar file nor a directory of classes");
        }
        return path;
    }

    /** The jar files a glob matches: the part before the first wildcard segment is the directory searched. */
    private static List<Path> matchGlob(String written, Path base) throws ClassPathException {
        String pattern = UserPaths.withSlashes(written);
        String[] segments = pattern.split("/", -1);
        int first = 0;
        while (!hasWildcard(segments[first])) {
            first++;
        }
        String directory = first == 0 ? "." : String.join("/", List.of(segments).subList(0, first));
        if (directory.isEmpty()) {
            directory = "/";
        }
        Path root = UserPaths.resolve(directory, base);
        if (!Files.isDirectory(root)) {
            throw new ClassPathException("there is no directory " + directory + " for " + written);
        }
        String rest = String.join("/", List.of(segments).subList(first, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - first;
        List<Path> jars;
        try (Stream<Path> files = Files.walk(root, depth)) {
            jars = files.filter(file -> Files.isRegularFile(file) && isJar(file)
                            && matcher.matches(root.relativize(file)))
                    .map(Path::normalize).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new ClassPathException("cannot read " + root + ": " + e.getMessage());
        }
        if (jars.isEmpty()) {
            throw new ClassPathException(written + " matches no jar file");
        }
        return jars;
    }

    private static boolean isJar(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }
}
