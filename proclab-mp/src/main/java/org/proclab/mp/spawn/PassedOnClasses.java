package org.proclab.mp.spawn;

import java.util.Map;

/**
 * Where a JVM finds the classes its children ask for, unless told otherwise: on its class path, as
 * any program would, and in a child also among those its parent shipped to it (in the kernel: the
 * classes of notebook cells), asked for from the parent if the child has not needed them itself.
 * Shipped classes come with the child's current values of the notebook variables they use. So a task
 * can start a process of its own that calls the notebook's methods and uses its records, as the first
 * generation can.
 *
 * <p>Whether classes were shipped is looked up at each request ({@link UserClasses}), so the
 * settings that hold this source can be made before a child's main has set up its class loader.
 */
final class PassedOnClasses implements ClassSource {
    private final ClassSource classPath;

    PassedOnClasses(ClassSource classPath) {
        this.classPath = classPath;
    }

    @Override
    public byte[] bytesOf(String className) {
        byte[] own = classPath.bytesOf(className);
        if (own != null || !(UserClasses.loader() instanceof ShippedClassLoader shipped)) {
            return own;
        }
        ShippedClass received = shipped.shippedClass(className);
        return received == null ? null : received.bytes();
    }

    @Override
    public Map<String, Object> staticValuesOf(String className) {
        return UserClasses.loader() instanceof ShippedClassLoader shipped ? shipped.currentStaticValues(className) : Map.of();
    }
}
