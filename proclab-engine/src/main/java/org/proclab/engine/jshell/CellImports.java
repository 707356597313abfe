package org.proclab.engine.jshell;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.JShell;
import org.proclab.display.Display;
import org.proclab.mp.Process;

/**
 * What every cell starts with: the imports that run before the first cell, and the jars or class
 * directories the cells' compiler sees besides the JDK.
 *
 * <p>The standard imports are those of {@code jshell}'s default start-up, ProcLab's library and
 * the display API ({@code display(...)} and {@code updateDisplay(...)} without a prefix; a cell's
 * own method of that name hides them). Names in both java and ProcLab (java.lang's Process,
 * java.util's Queue, java.util.concurrent's Semaphore) are imported one by one so that they mean
 * ProcLab's class instead of being ambiguous. A front end adds its own classes with
 * {@link #with(Class[])}: the Jupyter kernel and the terminal runner add the course's
 * {@code Check}, which the engine does not know.
 */
public record CellImports(List<String> imports, List<String> classPath) {
    private static final List<String> STANDARD = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
            "java.time.*", "org.proclab.mp.*", "org.proclab.mp.Process", "org.proclab.mp.Queue", "org.proclab.mp.Semaphore",
            "org.proclab.display.*", "org.proclab.display.widgets.*", "static org.proclab.display.Display.*");

    public CellImports {
        imports = List.copyOf(imports);
        classPath = List.copyOf(classPath);
    }

    /** ProcLab's library and the display API, and nothing of a front end's. */
    public static CellImports standard() {
        return with();
    }

    /** The standard imports, then each of {@code classes} by its simple name, compiled against where it lives. */
    public static CellImports with(Class<?>... classes) {
        List<String> imports = new ArrayList<>(STANDARD);
        Set<String> classPath = new LinkedHashSet<>(List.of(locationOf(Process.class), locationOf(Display.class)));
        for (Class<?> added : classes) {
            imports.add(added.getName());
            classPath.add(locationOf(added));
        }
        return new CellImports(imports, new ArrayList<>(classPath));
    }

    /** A shell whose compiler is set up as the cells' is: options and class path, before any import. */
    JShell compilingLikeCells(JShell.Builder builder) {
        JShell built = builder.compilerOptions("-g").build();
        classPath.forEach(built::addToClasspath);
        return built;
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
