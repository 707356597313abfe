package org.proclab.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles small classes at test time, instruments them the way the kernel does and runs them in
 * a throwaway class loader whose parent is the test's, so they link against the real
 * {@link UserCodeGuard} and {@link StopSignal}.
 */
class SnippetInstrumenterTest {
    private static final String SOURCES = """
            package demo;
            import java.util.function.IntConsumer;
            import java.util.function.ObjIntConsumer;
            public class Samples {
                public static class ExitCaller implements Runnable {
                    public void run() { System.exit(5); }
                }
                public static class Halter implements Runnable {
                    public void run() { Runtime.getRuntime().halt(6); }
                }
                public static class MethodRefExit implements Runnable {
                    public void run() { IntConsumer c = System::exit; c.accept(7); }
                }
                public static class RuntimeExit implements Runnable {
                    public void run() { Runtime.getRuntime().exit(8); }
                }
                public static class BoundRuntimeExitRef implements Runnable {
                    public void run() { IntConsumer c = Runtime.getRuntime()::exit; c.accept(9); }
                }
                public static class UnboundHaltRef implements Runnable {
                    public void run() { ObjIntConsumer<Runtime> c = Runtime::halt; c.accept(Runtime.getRuntime(), 10); }
                }
                public static class Spinner implements Runnable {
                    public static volatile boolean running;
                    public void run() { running = true; while (true) { } }
                }
                public static class Stubborn implements Runnable {
                    public static volatile int caught;
                    public static volatile boolean running;
                    public void run() {
                        while (true) {
                            try {
                                running = true;
                                while (true) { }
                            } catch (Throwable t) {
                                caught++;
                            }
                        }
                    }
                }
                public static class Plain implements java.util.function.IntSupplier {
                    private int sum(int n) { int s = 0; for (int i = 1; i <= n; i++) { s += i; } return s; }
                    public int getAsInt() {
                        int total = 0;
                        switch (sum(4)) { case 10: total = sum(100); break; default: total = -1; }
                        return total;
                    }
                }
            }
            """;

    private static Map<String, byte[]> compiled;
    private static Map<String, byte[]> instrumented;
    private final List<Thread> started = new ArrayList<>();

    @BeforeAll
    static void compileAndInstrument() {
        compiled = compile("demo.Samples", SOURCES);
        instrumented = new HashMap<>();
        compiled.forEach((name, bytes) -> instrumented.put(name, SnippetInstrumenter.instrument(bytes)));
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Thread thread : started) {
            if (thread.isAlive()) {
                StopSignal.stop(thread);
                thread.join(5000);
            }
        }
        StopSignal.clear();
    }

    private static final List<String> EXITING = List.of("demo.Samples$ExitCaller", "demo.Samples$Halter",
            "demo.Samples$MethodRefExit", "demo.Samples$RuntimeExit", "demo.Samples$BoundRuntimeExitRef",
            "demo.Samples$UnboundHaltRef");

    // The compiled samples call or reference System.exit / Runtime.exit / Runtime.halt, and their instrumented copies no longer do.
    @Test
    void instrumentedBytecodeHasNoExitCalls() {
        for (String name : EXITING) {
            assertFalse(referencesExit(compiled.get(name)).isEmpty(), "the original " + name + " calls an exit method");
        }
        instrumented.forEach((name, bytes) -> assertEquals(List.of(), referencesExit(bytes), name));
    }

    // System.exit(5) inside instrumented code throws ExitCalledError("System.exit", 5) and the JVM keeps running.
    @Test
    void systemExitThrows() throws Exception {
        assertExitCalled("demo.Samples$ExitCaller", "System.exit", 5);
    }

    // Runtime.getRuntime().halt(6) throws ExitCalledError("Runtime.halt", 6).
    @Test
    void runtimeHaltThrows() throws Exception {
        assertExitCalled("demo.Samples$Halter", "Runtime.halt", 6);
    }

    // The method reference System::exit used as an IntConsumer throws ExitCalledError("System.exit", 7).
    @Test
    void methodReferenceToSystemExitThrows() throws Exception {
        assertExitCalled("demo.Samples$MethodRefExit", "System.exit", 7);
    }

    // Runtime.getRuntime().exit(8) throws ExitCalledError("Runtime.exit", 8).
    @Test
    void runtimeExitThrows() throws Exception {
        assertExitCalled("demo.Samples$RuntimeExit", "Runtime.exit", 8);
    }

    // Bound and unbound method references to Runtime.exit / Runtime.halt are redirected too.
    @Test
    void runtimeMethodReferencesThrow() throws Exception {
        assertExitCalled("demo.Samples$BoundRuntimeExitRef", "Runtime.exit", 9);
        assertExitCalled("demo.Samples$UnboundHaltRef", "Runtime.halt", 10);
    }

    // Instrumented code that calls no exit method behaves exactly as before (loops, switch, calls).
    @Test
    void ordinaryCodeStillWorks() throws Exception {
        IntSupplier plain = (IntSupplier) newInstance("demo.Samples$Plain");
        assertEquals(5050, plain.getAsInt());
    }

    // An endless loop on another thread ends with CellStoppedError once the kernel's stop mechanism (StopSignal.stop) marks that thread.
    @Test
    void endlessLoopEndsWhenStopped() throws Exception {
        Runnable spinner = (Runnable) newInstance("demo.Samples$Spinner");
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread thread = start(spinner, ended);
        awaitStatic(spinner.getClass(), "running");
        assertTrue(thread.isAlive(), "the loop is running");

        StopSignal.stop(thread);
        thread.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(thread.isAlive(), "the stopped loop ended");
        assertInstanceOf(CellStoppedError.class, ended.get());
    }

    // A loop that catches CellStoppedError is stopped again at its next turn: the mark stays until the next cell.
    @Test
    void catchingTheStopDoesNotKeepTheLoopAlive() throws Exception {
        Runnable stubborn = (Runnable) newInstance("demo.Samples$Stubborn");
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread thread = start(stubborn, ended);
        awaitStatic(stubborn.getClass(), "running");

        StopSignal.stop(thread);
        thread.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(thread.isAlive(), "the stubborn loop ended");
        assertInstanceOf(CellStoppedError.class, ended.get());
        assertTrue(stubborn.getClass().getField("caught").getInt(null) >= 1, "the inner catch saw the stop");
    }

    // Stopping one thread leaves other threads running the same instrumented code alone.
    @Test
    void stopOnlyAffectsMarkedThreads() throws Exception {
        Class<?> spinnerClass = newInstance("demo.Samples$Spinner").getClass();
        AtomicReference<Throwable> firstEnded = new AtomicReference<>();
        AtomicReference<Throwable> secondEnded = new AtomicReference<>();
        Thread first = start((Runnable) spinnerClass.getConstructor().newInstance(), firstEnded);
        Thread second = start((Runnable) spinnerClass.getConstructor().newInstance(), secondEnded);
        awaitStatic(spinnerClass, "running");

        StopSignal.stop(first);
        first.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(first.isAlive());
        assertInstanceOf(CellStoppedError.class, firstEnded.get());
        assertTrue(second.isAlive(), "the unmarked thread still runs");

        StopSignal.stop(second);
        second.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(second.isAlive());
    }

    private void assertExitCalled(String className, String call, int status) throws Exception {
        // Never run a class that could still end the test JVM.
        assertEquals(List.of(), referencesExit(instrumented.get(className)), className);
        Runnable code = (Runnable) newInstance(className);
        ExitCalledError error = assertThrows(ExitCalledError.class, code::run);
        assertEquals(call, error.call());
        assertEquals(status, error.status());
        assertTrue(error.getMessage().contains(call + "(" + status + ")"), error.getMessage());
    }

    private Thread start(Runnable code, AtomicReference<Throwable> ended) {
        Thread thread = new Thread(code, "instrumented-" + started.size());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> ended.set(e));
        started.add(thread);
        thread.start();
        return thread;
    }

    /** Waits (bounded) until a static boolean of the loaded class becomes true. */
    private static void awaitStatic(Class<?> type, String field) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!type.getField(field).getBoolean(null)) {
            if (System.nanoTime() > deadline) {
                fail(type.getName() + "." + field + " never became true");
            }
            Thread.onSpinWait();
        }
    }

    private static Object newInstance(String className) throws Exception {
        return new ByteLoader(instrumented).loadClass(className).getConstructor().newInstance();
    }

    /** The exit methods (owner.name) a class calls or references in a method handle. */
    private static List<String> referencesExit(byte[] classFile) {
        List<String> found = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        note(owner, method);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                        for (Object arg : args) {
                            if (arg instanceof Handle handle) {
                                note(handle.getOwner(), handle.getName());
                            }
                        }
                    }

                    private void note(String owner, String method) {
                        boolean exit = (owner.equals("java/lang/System") && method.equals("exit"))
                                || (owner.equals("java/lang/Runtime") && (method.equals("exit") || method.equals("halt")));
                        if (exit) {
                            found.add(owner + "." + method);
                        }
                    }
                };
            }
        }, 0);
        return found;
    }

    /** Compiles one source file in memory; returns the class files by binary name. */
    static Map<String, byte[]> compile(String className, String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "tests need a JDK, not a JRE");
        Map<String, ByteArrayOutputStream> outputs = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, null);
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return outputs.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject file = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter diagnostics = new StringWriter();
        boolean ok = compiler.getTask(diagnostics, manager, null, List.of("--release", "17"), null, List.of(file)).call();
        assertTrue(ok, diagnostics.toString());
        Map<String, byte[]> classes = new HashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /** Defines the given class files; everything else comes from the test's class loader. */
    static final class ByteLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ByteLoader(Map<String, byte[]> classes) {
            super(SnippetInstrumenterTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
