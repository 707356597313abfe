package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entries a session added reach the shell and the children once each. */
class UserClassPathTest {
    private final List<String> shell = new ArrayList<>();
    private final List<String> children = new ArrayList<>();
    private final UserClassPath classPath = new UserClassPath(shell::add, children::add);

    @Test
    void eachEntryIsAddedOnce() {
        Path a = Path.of("/libs/a.jar");
        Path b = Path.of("/libs/classes");
        assertTrue(classPath.add(a));
        assertTrue(classPath.add(b));
        assertFalse(classPath.add(Path.of("/libs/a.jar")));
        assertEquals(List.of(a, b), classPath.entries());
        assertEquals(List.of("/libs/a.jar", "/libs/classes"), shell);
        assertEquals(shell, children);
        assertTrue(classPath.contains(b));
    }
}
