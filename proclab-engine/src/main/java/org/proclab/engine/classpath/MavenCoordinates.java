package org.proclab.engine.classpath;

import java.util.regex.Pattern;

/**
 * One artifact as {@code %maven} names it: {@code groupId:artifactId:version}, or with the file
 * type and classifier Maven writes between them, {@code groupId:artifactId:extension[:classifier]:version}.
 * The version may be a range such as {@code [1.0,2.0)}.
 *
 * @param extension {@code jar} unless given
 * @param classifier empty unless given
 */
public record MavenCoordinates(String groupId, String artifactId, String extension, String classifier, String version) {
    /** What one example of the syntax looks like, for error messages. */
    public static final String EXAMPLE = "org.apache.commons:commons-lang3:3.14.0";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.\\-\\[\\](),]+");

    /**
     * Reads coordinates.
     *
     * @throws ClassPathException when {@code text} is not of that form
     */
    public static MavenCoordinates parse(String text) throws ClassPathException {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw notCoordinates(text);
        }
        String version = parts[parts.length - 1];
        String extension = parts.length >= 4 ? parts[2] : "jar";
        String classifier = parts.length == 5 ? parts[3] : "";
        for (int i = 0; i < parts.length - 1; i++) {
            if (!NAME.matcher(parts[i]).matches()) {
                throw notCoordinates(text);
            }
        }
        if (!VERSION.matcher(version).matches()) {
            throw notCoordinates(text);
        }
        return new MavenCoordinates(parts[0], parts[1], extension, classifier, version);
    }

    /** The artifact without its version: two versions of it on one class path would clash. */
    public String versionlessKey() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** The coordinates in Maven's shortest form. */
    @Override
    public String toString() {
        String middle = classifier.isEmpty() ? (extension.equals("jar") ? "" : extension + ":")
                : extension + ":" + classifier + ":";
        return groupId + ":" + artifactId + ":" + middle + version;
    }

    private static ClassPathException notCoordinates(String text) {
        return new ClassPathException("'" + text + "' is not a Maven coordinate; write groupId:artifactId:version, e.g. " + EXAMPLE);
    }
}
