package org.proclab.mp.spawn;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads every class of {@code org.proclab.mp} in the child that writes the children's class-data
 * archive ({@link ChildClassArchive}), just before it exits. The JVM archives the classes loaded by
 * then; without this, what later children find in the archive would depend on what the first child
 * happened to run (a {@code Process} task loads none of the pool's job classes, so every pool worker
 * after it would read and verify those from the jar again).
 */
final class ClassesToArchive {
    /** Set on the child that writes the archive. */
    static final String PROPERTY = "proclab.child.archiving";
    private static final String PACKAGE = "org/proclab/mp/";

    private ClassesToArchive() {
    }

    /**
     * In the archive-writing child only: loads (without initializing) ProcLab's child-side classes.
     * Loading is enough: the JVM links what it archives itself.
     */
    static void loadIfArchiving() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        ClassLoader loader = ClassesToArchive.class.getClassLoader();
        try (JarFile jar = new JarFile(ownJar().toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = entry.getName();
                if (name.startsWith(PACKAGE) && name.endsWith(".class")) {
                    load(name.substring(0, name.length() - ".class".length()).replace('/', '.'), loader);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an archive with fewer classes is still an archive
        }
    }

    private static void load(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a class that cannot load here (a missing optional dependency) is simply not archived
        }
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(ClassesToArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
