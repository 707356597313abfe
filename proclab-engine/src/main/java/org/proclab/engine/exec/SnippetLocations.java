package org.proclab.engine.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where cell code came from, so stack traces can say "cell [4], line 2" instead of JShell's
 * internal names: the cell and first line of each snippet (for traces JShell has translated, whose
 * frames name snippets like {@code #17}) and the cell that defined each generated class (for raw
 * traces of threads the cells started).
 */
public final class SnippetLocations {
    private static final String SNIPPET_CLASS_PREFIX = "REPL.$JShell$";
    private static final Map<String, Location> SNIPPETS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> CLASS_CELLS = new ConcurrentHashMap<>();

    private SnippetLocations() {
    }

    /** The first line (1-based) of a snippet within its cell. */
    public record Location(int executionCount, int firstLine) {
        /** A human-readable place, e.g. {@code cell [4], line 2}. */
        public String describe(int snippetLine) {
            return "cell [" + executionCount + "], line " + (firstLine + snippetLine - 1);
        }
    }

    public static void recordSnippet(String snippetId, int executionCount, int firstLine) {
        SNIPPETS.put(snippetId, new Location(executionCount, firstLine));
    }

    public static void recordClass(String className, int executionCount) {
        CLASS_CELLS.put(className, executionCount);
    }

    /** The location of a snippet named like a translated source file ({@code #17}), or null. */
    public static Location ofSourceFile(String fileName) {
        if (fileName == null || !fileName.startsWith("#")) {
            return null;
        }
        return SNIPPETS.get(fileName.substring(1));
    }

    /** True for the classes JShell generates for cells. */
    public static boolean isCellClass(String className) {
        return className.startsWith(SNIPPET_CLASS_PREFIX);
    }

    /** The cell whose code defined a generated class, or null if unknown. */
    public static Integer cellOfClass(String className) {
        return CLASS_CELLS.get(className);
    }

    /**
     * The name a student wrote for a generated class: {@code REPL.$JShell$12$Counter} becomes
     * {@code Counter}, and the wrapper of top-level code {@code REPL.$JShell$12} becomes "".
     */
    public static String userClassName(String className) {
        if (!isCellClass(className)) {
            return className;
        }
        int nested = className.indexOf('$', SNIPPET_CLASS_PREFIX.length());
        return nested < 0 ? "" : className.substring(nested + 1).replace('$', '.');
    }
}
