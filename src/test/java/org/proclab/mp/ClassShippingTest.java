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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.proclab.mp.MpTesting.Captured;
import org.proclab.mp.spawn.ClassSource;
import org.proclab.mp.spawn.SpawnConfig;

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

    @TempDir
    static Path classes;

    private static URLClassLoader shippedLoader;
    private static ClassSource originalSource;

    @BeforeAll
    static void compile() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK with javac");
        Path source = classes.resolve("src/shipped/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path out = classes.resolve("out");
        Files.createDirectories(out);
        int status = javac.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), source.toString());
        assertEquals(0, status, "javac failed");
        shippedLoader = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassShippingTest.class.getClassLoader());
        originalSource = SpawnConfig.classSource();
    }

    @AfterAll
    static void restore() throws Exception {
        if (originalSource != null) {
            SpawnConfig.classSource(originalSource);
        }
        if (shippedLoader != null) {
            shippedLoader.close();
        }
        MpTesting.assertNoChildLeft();
    }

    // A class missing from the child's class path is shipped by the parent with copies of its serializable static values; a non-serializable one arrives as null with a note on stderr.
    @Test
    void classAndStaticValuesAreShippedToTheChild() throws Exception {
        Class<?> greeter = shippedLoader.loadClass("shipped.Greeter");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("shipped.Greeter", false, ClassLoader.getSystemClassLoader()));
        Thread handle = new Thread(() -> { });
        SpawnConfig.classSource(new ClassSource() {
            @Override
            public byte[] bytesOf(String className) {
                byte[] own = ClassSource.fromResources(shippedLoader).bytesOf(className);
                return own != null ? own : originalSource.bytesOf(className);
            }

            @Override
            public Map<String, Object> staticValuesOf(String className) {
                return className.equals("shipped.Greeter") ? Map.of("greeting", "hello from the parent", "handle", handle) : Map.of();
            }
        });
        Process process = new Process((Task) greeter.getDeclaredConstructor().newInstance());
        String out;
        String err;
        try (Captured captured = new Captured()) {
            process.start();
            process.join(MpTesting.LONG);
            out = captured.out();
            err = captured.err();
        } finally {
            SpawnConfig.classSource(originalSource);
            process.kill();
        }
        assertEquals(0, process.exitCode(), out + err);
        assertTrue(out.contains("shipped says hello from the parent, handle is null\n"), out + err);
        assertTrue(err.contains("Note: variable handle (a Thread) is not Serializable, so " + process.name()), err);
        assertFalse(err.contains("variable greeting"), err);
        assertEquals("not copied", greeter.getField("greeting").get(null), "the child's change must not reach the parent");
    }
}
