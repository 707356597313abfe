package org.proclab.mp.shm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A block of memory shared by every process of the session that holds it: a memory-mapped file
 * read and written through {@link VarHandle}s.
 *
 * <p>Offsets are in bytes and must be aligned to the size of what is accessed (4 for an int, 8 for
 * a long). The {@code Volatile}, {@code compareAndSet} and {@code getAndAdd} accesses are atomic and
 * ordered across processes (the CPU's atomic instructions on the same physical memory); the
 * {@code Plain} accesses are not ordered, and are for data that an acquire/release pair of
 * accesses already publishes (a ring's message bytes and lengths).
 *
 * <p>It travels between processes as a handle (its file's path and size), never as a copy: the
 * receiving process maps the same file. Within one JVM a file is mapped once.
 */
public final class SharedRegion implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final Map<Path, SharedRegion> MAPPED = new ConcurrentHashMap<>();
    /** An int and a long, aligned. */
    private static final int WARM_UP_SIZE = 2 * Long.BYTES;

    private final transient Path file;
    private final transient int size;
    private final transient MappedByteBuffer memory;

    private SharedRegion(Path file, int size) {
        this.file = file;
        this.size = size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            this.memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map shared memory " + file + " (was its session ended?): "
                    + e.getMessage(), e);
        }
    }

    /** New shared memory of {@code size} bytes, all zero, in the session's directory. */
    public static SharedRegion create(String kind, int size) {
        Path file = SharedMemoryDirectory.session().newFile(kind, size);
        return MAPPED.computeIfAbsent(file, path -> new SharedRegion(path, size));
    }

    /**
     * The memory in {@code file}, made by this or another process of the session, mapped in this
     * process with {@code size} bytes; for reading the state of objects one has no handle for
     * (what {@code %locks} shows).
     */
    public static SharedRegion open(Path file, int size) {
        return MAPPED.computeIfAbsent(file, path -> new SharedRegion(path, size));
    }

    /**
     * Maps a scratch region in the session's directory, uses each kind of atomic access once and sends
     * the region's handle through serialization and back; then lets the region go and deletes its
     * file. A JVM waiting for work calls it, so that the first shared object a task captures (a
     * {@code Value}, a {@code Lock}) does not pay for all of that as cold code on the task's way: it
     * took a waiting JVM's task that captures two shared objects from 11–22 ms to 4–8 ms after
     * {@code start()} (docs/benchmarks.md, session 18).
     *
     * @throws IOException when the scratch file cannot be made, written or read back
     */
    public static void warmUp() throws IOException {
        Path file = SharedMemoryDirectory.session().newFile("warm-up", WARM_UP_SIZE);
        try {
            SharedRegion region = open(file, WARM_UP_SIZE);
            region.setIntVolatile(0, region.getIntVolatile(0) + 1);
            region.compareAndSetInt(0, 1, region.getAndAddInt(0, 1));
            region.setLongVolatile(Long.BYTES, region.getLongVolatile(Long.BYTES) + 1);
            region.compareAndSetLong(Long.BYTES, 1, region.getAndAddLong(Long.BYTES, 1));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(region);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException("a shared region's handle did not come back", e);
            }
        } finally {
            MAPPED.remove(file);
            Files.deleteIfExists(file);
        }
    }

    public int size() {
        return size;
    }

    /** The file behind the memory, for messages. */
    public Path file() {
        return file;
    }

    public int getIntVolatile(int offset) {
        return (int) INTS.getVolatile(memory, offset);
    }

    public void setIntVolatile(int offset, int value) {
        INTS.setVolatile(memory, offset, value);
    }

    public int getIntPlain(int offset) {
        return (int) INTS.get(memory, offset);
    }

    public void setIntPlain(int offset, int value) {
        INTS.set(memory, offset, value);
    }

    public boolean compareAndSetInt(int offset, int expected, int value) {
        return INTS.compareAndSet(memory, offset, expected, value);
    }

    public int getAndAddInt(int offset, int delta) {
        return (int) INTS.getAndAdd(memory, offset, delta);
    }

    public long getLongVolatile(int offset) {
        return (long) LONGS.getVolatile(memory, offset);
    }

    public void setLongVolatile(int offset, long value) {
        LONGS.setVolatile(memory, offset, value);
    }

    /** Publishes a value written by one process for another, after the bytes it describes. */
    public void setLongRelease(int offset, long value) {
        LONGS.setRelease(memory, offset, value);
    }

    public long getLongAcquire(int offset) {
        return (long) LONGS.getAcquire(memory, offset);
    }

    public boolean compareAndSetLong(int offset, long expected, long value) {
        return LONGS.compareAndSet(memory, offset, expected, value);
    }

    public long getAndAddLong(int offset, long delta) {
        return (long) LONGS.getAndAdd(memory, offset, delta);
    }

    /** Copies {@code length} bytes from {@code source} into the memory at {@code offset}. */
    public void write(int offset, byte[] source, int from, int length) {
        memory.put(offset, source, from, length);
    }

    /** Copies {@code length} bytes of the memory at {@code offset} into {@code target}. */
    public void read(int offset, byte[] target, int from, int length) {
        memory.get(offset, target, from, length);
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Handle(file.toString(), size);
    }

    /** What travels: the file and the size; the receiver maps the same file. */
    private record Handle(String file, int size) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            return open(Path.of(file), size);
        }
    }
}
