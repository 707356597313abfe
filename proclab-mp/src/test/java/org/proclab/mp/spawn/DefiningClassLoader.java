package org.proclab.mp.spawn;

import java.util.Set;

/**
 * A class loader that defines its own copy of the named classes (read from the test class path)
 * instead of delegating to its parent, like a child's {@link ShippedClassLoader} defines classes it
 * receives. Everything else comes from the parent.
 */
final class DefiningClassLoader extends ClassLoader {
    private final Set<String> own;

    DefiningClassLoader(Set<String> own) {
        super("test-defining", DefiningClassLoader.class.getClassLoader());
        this.own = own;
    }

    /** The class file of a class on the test class path. */
    static byte[] classBytes(Class<?> type) {
        byte[] bytes = ClassSource.fromResources(type.getClassLoader()).bytesOf(type.getName());
        if (bytes == null) {
            throw new IllegalStateException("no class file for " + type.getName());
        }
        return bytes;
    }

    /** Defines a class from bytes in this loader. */
    Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (!own.contains(name)) {
                return super.loadClass(name, resolve);
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = ClassSource.fromResources(getParent()).bytesOf(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                loaded = define(name, bytes);
            }
            return loaded;
        }
    }
}
