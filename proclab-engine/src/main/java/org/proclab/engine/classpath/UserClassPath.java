package org.proclab.engine.classpath;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The class path entries a session added after start-up ({@code %classpath}, {@code %maven}), in
 * the order added, each once. An entry goes to two places: the shell that compiles and runs cells,
 * and the class path of every child JVM started afterwards, so that a {@code Process} or
 * {@code Pool} worker can use the same library as the cell that started it.
 *
 * <p>Threading: safe to call from any thread; magics call it from the thread that runs cells.
 */
public final class UserClassPath {
    private final Consumer<String> shell;
    private final Consumer<String> children;
    private final Set<Path> entries = new LinkedHashSet<>();

    /**
     * @param shell adds an entry to the shell (JShell's {@code addToClasspath})
     * @param children adds an entry for child JVMs (to the default context's {@code ChildSettings})
     */
    public UserClassPath(Consumer<String> shell, Consumer<String> children) {
        this.shell = shell;
        this.children = children;
    }

    /**
     * Adds an entry to the shell and to later children.
     *
     * @param entry an absolute, normalised path (as {@link ClassPathArguments} gives)
     * @return false, and nothing changes, when the entry was added before
     */
    public synchronized boolean add(Path entry) {
        if (!entries.add(entry)) {
            return false;
        }
        String text = entry.toString();
        shell.accept(text);
        children.accept(text);
        return true;
    }

    /** Whether {@code entry} was added. */
    public synchronized boolean contains(Path entry) {
        return entries.contains(entry);
    }

    /** The entries added so far, in order. */
    public synchronized List<Path> entries() {
        return List.copyOf(entries);
    }
}
