package org.proclab.mp.spawn;

/**
 * The class loader that knows the user's own classes in this process: in the kernel, the one
 * JShell's cells are defined in; in a child, the loader of the classes shipped from the parent;
 * in a plain Java program, the application class loader.
 *
 * <p>Values that arrive from another process without a task around them (a {@code Queue}
 * message, a {@code Pipe} message) are read with it, so a record declared in a notebook cell can
 * travel through a queue.
 *
 * <p>It belongs to the process, not to a context, as Python's {@code sys.modules} does: a queue is
 * read by whichever process calls {@code get()}, and no context made it (decision 043).
 */
public final class UserClasses {
    private static volatile ClassLoader loader = UserClasses.class.getClassLoader();

    private UserClasses() {
    }

    /** The loader to read user values with. */
    public static ClassLoader loader() {
        return loader;
    }

    /** Called once by whoever defines the user's classes in this process (JShell's engine, a child's main). */
    public static void use(ClassLoader userLoader) {
        loader = userLoader;
    }
}
