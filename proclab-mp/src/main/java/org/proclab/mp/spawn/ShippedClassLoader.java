package org.proclab.mp.spawn;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child's class loader for classes that exist only in the parent, such as the classes JShell
 * generates for notebook cells. A class not found on the child's class path is asked for over the
 * pipes to the parent, and the parent answers with its bytes.
 *
 * <p>JShell gives every new version of a cell class a new name, so a loaded class never goes stale.
 * The loader keeps what it received, so that the child can ship those classes on to processes of
 * its own ({@link PassedOnClasses}).
 */
final class ShippedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final FrameChannel channel;
    private final Map<Long, CompletableFuture<byte[]>> requests = new ConcurrentHashMap<>();
    private final Map<String, ShippedClass> received = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    ShippedClassLoader(FrameChannel channel, ClassLoader parent) {
        super("proclab-shipped", parent);
        this.channel = channel;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        long id = ids.incrementAndGet();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        requests.put(id, answer);
        byte[] bytes;
        try {
            channel.send(FrameType.CLASS_REQUEST, id, name.getBytes(StandardCharsets.UTF_8));
            bytes = answer.get();
        } catch (IOException | ExecutionException e) {
            throw new ClassNotFoundException(name + " (the parent process cannot be reached)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassNotFoundException(name + " (interrupted while asking the parent)", e);
        } finally {
            requests.remove(id);
        }
        if (bytes.length == 0) {
            throw new ClassNotFoundException(name);
        }
        ShippedClass shipped;
        try {
            shipped = ShippedClass.decode(bytes);
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (corrupt answer from the parent)", e);
        }
        Class<?> defined = defineClass(name, shipped.bytes(), 0, shipped.bytes().length);
        shipped.assignStaticValues(defined, this);
        received.put(name, shipped);
        return defined;
    }

    /**
     * The class as the parent shipped it, asking the parent first if this child does not have it
     * yet; null when the class is on the child's own class path or the parent does not know it.
     */
    ShippedClass shippedClass(String name) {
        try {
            Class.forName(name, false, this);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return received.get(name);
    }

    /**
     * The current values of the static fields the parent gave values for when it shipped the
     * class (the notebook variables it uses), as this child has them now.
     */
    Map<String, Object> currentStaticValues(String name) {
        ShippedClass shipped = received.get(name);
        Class<?> loaded = findLoadedClass(name);
        if (shipped == null || loaded == null) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String fieldName : shipped.staticValues().keySet()) {
            try {
                Field field = loaded.getDeclaredField(fieldName);
                field.setAccessible(true);
                values.put(fieldName, field.get(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not passed on: the grandchild sees the field's default value
            }
        }
        return values;
    }

    /**
     * Called by the frame reader when it ends because this child is exiting: the requests still
     * waiting (a shutdown hook's, say) will get no answer, and would otherwise keep the JVM from
     * exiting.
     */
    void disconnect() {
        requests.values().forEach(answer -> answer.completeExceptionally(
                new IOException("this process is exiting and has closed its connection to the parent")));
    }

    /** Called by the frame reader when the parent answers a request. */
    void deliver(long id, byte[] bytes) {
        CompletableFuture<byte[]> answer = requests.get(id);
        if (answer != null) {
            answer.complete(bytes);
        }
    }
}
