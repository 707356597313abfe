package org.proclab.mp.spawn;

import java.util.Map;

/**
 * Where a child finds the classes its own children ask for: on its class path, as any program
 * would, or among those its parent shipped to it (in the kernel: the classes of notebook cells),
 * asked for from the parent if the child has not needed them itself. Shipped classes come with the
 * child's current values of the notebook variables they use. So a task can start a process of its
 * own that calls the notebook's methods and uses its records, as the first generation can.
 */
final class PassedOnClasses implements ClassSource {
    private final ClassSource classPath;
    private final ShippedClassLoader shipped;

    PassedOnClasses(ClassSource classPath, ShippedClassLoader shipped) {
        this.classPath = classPath;
        this.shipped = shipped;
    }

    @Override
    public byte[] bytesOf(String className) {
        byte[] own = classPath.bytesOf(className);
        if (own != null) {
            return own;
        }
        ShippedClass received = shipped.shippedClass(className);
        return received == null ? null : received.bytes();
    }

    @Override
    public Map<String, Object> staticValuesOf(String className) {
        return shipped.currentStaticValues(className);
    }
}
