package org.proclab.mp.spawn;

/**
 * Where a parent finds the bytes of a class that a child asks for. In the kernel, classes that cells
 * define exist only in JShell's memory, so the kernel installs a source that knows them; in a plain
 * Java program the child has the same class path and rarely asks.
 */
@FunctionalInterface
public interface ClassSource {
    /** The class file bytes of a class, or null when this source does not have it. */
    byte[] bytesOf(String className);

    /**
     * Values to give the class's static fields in the child, by field name; by default none. The
     * kernel uses this for notebook variables, which JShell keeps in static fields: a child sees a
     * copy of each variable its code uses, taken when it first uses it.
     */
    default java.util.Map<String, Object> staticValuesOf(String className) {
        return java.util.Map.of();
    }

    /** Reads class files from a class loader's resources: enough for ordinary programs. */
    static ClassSource fromResources(ClassLoader loader) {
        return className -> {
            try (var in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (java.io.IOException e) {
                return null;
            }
        };
    }
}
