package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forms each magic other than %%spawn and %%pool accepts, and what it does by default, in a real
 * notebook session (JShell in this JVM); none of these cells starts a process.
 */
class LineMagicsTest extends NotebookTest {

    // %help takes a name with or without its percent signs; a bare name that is only a cell magic's
    // finds the cell magic. `%name?` and `%%name?` ask the same.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%help time | time | false",
        "%help %time | time | false",
        "%help %%time | time | true",
        "%help spawn | spawn | true",
        "%time? | time | false",
        "%%pool? | pool | true",
    })
    void helpFindsTheMagic(String cell, String name, boolean cellMagic) {
        Magic magic = notebook.magic(name, cellMagic);
        assertEquals(magic.usage() + "\n    " + magic.summary() + "\n", notebook.ok(cell).stdout());
    }

    // %lsmagic lists the session's magics, %explain among them.
    @Test
    void lsmagicListsTheSessionsMagics() {
        List<String> lines = notebook.ok("%lsmagic").stdout().lines().toList();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("Line magics: %classpath  %explain  %help  "), lines.get(0));
        assertTrue(lines.get(1).startsWith("Cell magics: %%pool  %%spawn  %%time"), lines.get(1));
        assertEquals("%help NAME explains one of them.", lines.get(2));
    }

    // %explain is off until turned on, and says which it is now.
    @Test
    void explainTurnsOnAndOff() {
        ExplainMagic explain = (ExplainMagic) notebook.magic("explain", false);
        assertFalse(explain.isOn());
        assertEquals("Explanations are on.\n", notebook.ok("%explain on").stdout());
        assertTrue(explain.isOn());
        assertEquals("Explanations are off.\n", notebook.ok("%explain off").stdout());
        assertFalse(explain.isOn());
    }

    // %time keeps the value of what it timed; %%time runs its body as the cell's code, so its
    // declarations stay for later cells.
    @Test
    void timeRunsTheCodeAsTheCellWould() {
        String wallAndCpu = "Wall time: [0-9.]+ ms · CPU: kernel [0-9.]+ ms, child processes (n/a|[0-9.]+ ms)\\n";
        TestNotebook.Cell line = notebook.ok("%time 6 * 7");
        assertEquals("42", line.shown());
        assertTrue(line.stdout().matches(wallAndCpu), line.stdout());
        TestNotebook.Cell cell = notebook.ok("%%time\nint timedFactor = 6;\ntimedFactor * 7");
        assertEquals("42", cell.shown());
        assertTrue(cell.stdout().matches(wallAndCpu), cell.stdout());
        assertEquals("6", notebook.ok("timedFactor").shown());
    }

    // %timeline draws the previous cell's processes by default, as --last does, and says so when there were none.
    @Test
    void timelineLooksAtThePreviousCellByDefault() {
        String none = "No processes to draw in the previous cell (try --all).\n";
        notebook.ok("int noProcessHere = 1;");
        assertEquals(none, notebook.ok("%timeline").stdout());
        assertEquals(none, notebook.ok("%timeline --last").stdout());
    }

    // %vars shows each variable with its type and a short value; a long value is cut.
    @Test
    void varsListsTheVariables() {
        notebook.ok("int varsCount = 3;\nString varsLong = \"x\".repeat(100);");
        List<Map<String, String>> displays = notebook.ok("%vars").displays();
        assertEquals(1, displays.size(), displays::toString);
        String table = displays.get(0).get("text/plain");
        assertTrue(table.matches("(?s).*\\nvarsCount +int +3\\s*\\n.*"), table);
        assertTrue(table.matches("(?s).*\\nvarsLong +String +\"x{" + (VarsMagic.MAX_VALUE_CHARS - 2) + "}…\\s*\\n.*"), table);
        assertTrue(displays.get(0).containsKey("text/html"), displays.get(0)::toString);
    }

    // %locks names a lock after the variable that holds it.
    @Test
    void locksNamesALockByItsVariable() {
        notebook.ok("var locksDoor = new Lock();");
        for (String cell : List.of("%locks", "%locks --all")) {
            List<Map<String, String>> displays = notebook.ok(cell).displays();
            assertEquals(1, displays.size(), displays::toString);
            assertTrue(displays.get(0).get("text/plain").contains("locksDoor"), displays.get(0).get("text/plain"));
        }
    }

    // %load runs a .jsh file's snippets and a .java file without its package line; a quoted path may hold spaces.
    @Test
    void loadRunsTheFileAsCellCode(@TempDir Path folder) throws IOException {
        Path snippets = Files.writeString(folder.resolve("helpers.jsh"), "int loadedDouble(int x) { return 2 * x; }\n");
        assertEquals("", notebook.ok("%load " + snippets).stdout());
        assertEquals("42", notebook.ok("loadedDouble(21)").shown());

        Path spaced = Files.createDirectories(folder.resolve("my lessons"));
        Path source = Files.writeString(spaced.resolve("LoadedGreeter.java"),
                "package org.example.lessons;\n\npublic class LoadedGreeter {\n"
                + "    public static String hello() { return \"hello\"; }\n}\n");
        notebook.ok("%load \"" + source + "\"");
        assertEquals("\"hello\"", notebook.ok("LoadedGreeter.hello()").shown());
    }

    // %classpath adds a directory once, says so, and alone lists what was added.
    @Test
    void classpathAddsOnceAndLists(@TempDir Path folder) throws IOException {
        Path classes = Files.createDirectories(folder.resolve("classes")).toRealPath();
        assertEquals("Added " + classes + "\n", notebook.ok("%classpath " + classes).stdout());
        assertEquals("Already on the class path: " + classes + "\n", notebook.ok("%classpath " + classes).stdout());
        String listing = notebook.ok("%classpath").stdout();
        assertTrue(listing.startsWith("Added to the class path:\n") && listing.contains("\n  " + classes + "\n"), listing);
    }

    // %maven alone says nothing was added yet; %mavenRepo adds a repository that its listing then shows.
    @Test
    void mavenAndMavenRepoList() {
        assertEquals("No library was added with %maven yet.\n", notebook.ok("%maven").stdout());
        String address = "file:///tmp/proclab-test-repository/";
        assertEquals("%maven now also looks in lessons (" + address + ").\n",
                notebook.ok("%mavenRepo lessons " + address).stdout());
        String listing = notebook.ok("%mavenRepo").stdout();
        assertTrue(listing.startsWith("%maven looks in:\n") && listing.contains("\n  lessons  " + address + "\n"), listing);
    }
}
