package org.proclab.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.proclab.mp.MpTesting.Captured;
import org.proclab.mp.spawn.ClassSource;

/**
 * A task whose class the child cannot find on its class path (as with a notebook cell's classes)
 * is fetched from the parent's {@link ClassSource}, together with copies of its static fields.
 * The class is compiled at test time into a directory that only this JVM's extra loader sees.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClassShippingTest {
    private static final String SOURCE = """
            package shipped;

            public class Greeter implements org.proclab.mp.Task {
                public static String greeting = "not copied";
                public static Object handle;

                @Override
                public void run() {
                    System.out.println("shipped says " + greeting + ", handle is " + handle);
                    greeting = "changed in the child";
                }
            }
            """;

    private static final String RELAY_SOURCE = """
            package shipped;

            public class Relay implements org.proclab.mp.Task {
                public static String greeting = "not copied";

                @Override
                public void run() throws Exception {
                    greeting = greeting + ", then passed on";
                    org.proclab.mp.Process inner = new org.proclab.mp.Process(
                            () -> System.out.println("grandchild says " + greeting));
                    inner.start();
                    inner.join();
                    System.out.println("grandchild ended with " + inner.exitCode());
                }
            }
            """;

    /** A task whose shutdown hook needs a class the child has not loaded yet; it exits, or waits to be terminated. */
    private static final String HOOKED_SOURCE = """
            package shipped;

            public class Hooked implements org.proclab.mp.Task {
                public static boolean exits;

                @Override
                public void run() throws Exception {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> Farewell.say()));
                    if (exits) {
                        System.exit(3);
                    }
                    System.out.println("hook registered");
                    Thread.sleep(60_000);
                }
            }
            """;

    private static final String FAREWELL_SOURCE = """
            package shipped;

            public class Farewell {
                public static void say() {
                    System.out.println("farewell from a class loaded in the shutdown hook");
                }
            }
            """;

    @TempDir
    static Path classes;

    private static URLClassLoader shippedLoader;

    @BeforeAll
    static void compile() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK with javac");
        Path source = classes.resolve("src/shipped/Greeter.java");
        Path relay = classes.resolve("src/shipped/Relay.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Files.writeString(relay, RELAY_SOURCE);
        Path hooked = classes.resolve("src/shipped/Hooked.java");
        Path farewell = classes.resolve("src/shipped/Farewell.java");
        Files.writeString(hooked, HOOKED_SOURCE);
        Files.writeString(farewell, FAREWELL_SOURCE);
        Path out = classes.resolve("out");
        Files.createDirectories(out);
        int status = javac.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), source.toString(), relay.toString(), hooked.toString(), farewell.toString());
        assertEquals(0, status, "javac failed");
        shippedLoader = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassShippingTest.class.getClassLoader());
    }

    @AfterAll
    static void closeLoader() throws Exception {
        if (shippedLoader != null) {
            shippedLoader.close();
        }
        MpTesting.assertNoChildLeft();
    }

    // A class missing from the child's class path is shipped by the parent with copies of its serializable static values; a non-serializable one arrives as null with a note on stderr.
    @Test
    void classAndStaticValuesAreShippedToTheChild() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("shipped.Greeter", false, ClassLoader.getSystemClassLoader()));
        Ran ran = runShipped("shipped.Greeter", Map.of("greeting", "hello from the parent", "handle", new Thread(() -> { })));
        assertEquals(0, ran.process().exitCode(), ran.out() + ran.err());
        assertTrue(ran.out().contains("shipped says hello from the parent, handle is null\n"), ran.out() + ran.err());
        assertTrue(ran.err().contains("Note: variable handle (a Thread) is not Serializable, so " + ran.process().name()), ran.err());
        assertFalse(ran.err().contains("variable greeting"), ran.err());
        assertEquals("not copied", shippedLoader.loadClass("shipped.Greeter").getField("greeting").get(null),
                "the child's change must not reach the parent");
    }

    // A list that holds a thread is named by what it holds; a list of ProcLab processes (declared with
    // the task, never meant to travel) gets no note at all.
    @Test
    void notesNameWhatAValueHoldsAndSkipProcLabHandles() throws Exception {
        Ran threads = runShipped("shipped.Greeter", Map.of("greeting", "hi", "handle", new ArrayList<>(List.of(new Thread(() -> { })))));
        assertTrue(threads.err().contains("Note: variable handle holds a Thread, which is not Serializable, so "
                + threads.process().name()), threads.err());
        Ran processes = runShipped("shipped.Greeter", Map.of("greeting", "hi", "handle", new ArrayList<>(List.of(new Process(() -> { })))));
        assertEquals(0, processes.process().exitCode(), processes.out() + processes.err());
        assertFalse(processes.err().contains("Note:"), processes.err());
    }

    // A child passes shipped classes on to a process of its own, with its current values of their
    // static fields: a task can start a grandchild that runs notebook code.
    @Test
    void childPassesShippedClassesOnToItsOwnChildren() throws Exception {
        Ran ran = runShipped("shipped.Relay", Map.of("greeting", "hello from the parent"));
        assertEquals(0, ran.process().exitCode(), ran.out() + ran.err());
        assertTrue(ran.out().contains("grandchild says hello from the parent, then passed on\n"), ran.out() + ran.err());
        assertTrue(ran.out().contains("grandchild ended with 0\n"), ran.out() + ran.err());
    }

    // A shutdown hook of the task that runs after System.exit can still load a class from the parent.
    @Test
    void shutdownHookAfterSystemExitLoadsAShippedClass() throws Exception {
        Ran ran = runShipped("shipped.Hooked", Map.of("exits", true));
        assertEquals(3, ran.process().exitCode(), ran.out() + ran.err());
        assertTrue(ran.out().contains("farewell from a class loaded in the shutdown hook\n"), ran.out() + ran.err());
    }

    // A shutdown hook of the task that runs after terminate() can still load a class from the parent.
    @Test
    void shutdownHookAfterTerminateLoadsAShippedClass() throws Exception {
        Ran ran = runShipped("shipped.Hooked", Map.of("exits", false), out -> out.contains("hook registered\n"));
        assertEquals(-15, ran.process().exitCode(), ran.out() + ran.err());
        assertTrue(ran.out().contains("farewell from a class loaded in the shutdown hook\n"), ran.out() + ran.err());
    }

    /** A process that ran a shipped task, and what it printed. */
    private record Ran(Process process, String out, String err) {
    }

    /**
     * Runs the shipped class {@code className} (a Task) in a child while the parent's class source
     * knows the shipped classes and gives {@code values} to that class's static fields.
     */
    private static Ran runShipped(String className, Map<String, Object> values) throws Exception {
        return runShipped(className, values, null);
    }

    /**
     * Like {@link #runShipped(String, Map)}, but terminates the child as soon as what it printed on
     * stdout satisfies {@code terminateWhen}.
     */
    private static Ran runShipped(String className, Map<String, Object> values, Predicate<String> terminateWhen)
            throws Exception {
        Class<?> task = shippedLoader.loadClass(className);
        MpContext shipping = MpContext.defaultContext().withSettings(settings -> settings.withClassSource(new ClassSource() {
            @Override
            public byte[] bytesOf(String name) {
                byte[] own = ClassSource.fromResources(shippedLoader).bytesOf(name);
                return own != null ? own : settings.classSource().bytesOf(name);
            }

            @Override
            public Map<String, Object> staticValuesOf(String name) {
                return name.equals(className) ? values : Map.of();
            }
        }));
        Process process = shipping.process((Task) task.getDeclaredConstructor().newInstance());
        try (Captured captured = new Captured()) {
            process.start();
            if (terminateWhen != null) {
                assertTrue(MpTesting.waitUntil(() -> terminateWhen.test(captured.out()), MpTesting.LONG), captured.out());
                process.terminate();
            }
            process.join(MpTesting.LONG);
            return new Ran(process, captured.out(), captured.err());
        } finally {
            process.kill();
        }
    }
}
