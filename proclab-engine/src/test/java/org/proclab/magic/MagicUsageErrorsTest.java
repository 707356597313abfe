package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proclab.engine.classpath.MavenCoordinates;

/**
 * What a user reads after calling a magic with wrong arguments: a MagicUsageError naming the magic
 * and the mistake, then the magic's usage line. The cells run in a real notebook session, so the
 * message is the one the kernel shows; none of them starts a process.
 */
class MagicUsageErrorsTest extends NotebookTest {

    // Each row: the cell (\n between its lines), then the message after the magic's name.
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "%%spawn -n 0\\nint a; | -n must be at least 1, not 0",
        "%%spawn -n two\\nint a; | -n wants a whole number, not two",
        "%%spawn -n\\nint a; | -n needs a value",
        "%%spawn --nmae w\\nint a; | unknown option --nmae",
        "%%spawn -n 2 --no-joni\\nint a; | unknown option --no-joni",
        "%%spawn 3\\nint a; | unexpected 3",
        "%%spawn --name a/b\\nint a; | --name takes letters, digits, '.', '-' and '_', not a/b",
        "%%spawn -n 2 | the cell has no body to run",
        "%%spawn -n 2\\n   \\n | the cell has no body to run",
    })
    void spawn(String cell, String message) {
        assertUsageError("spawn", true, cell, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "%%pool --over 1..3\\nx | say how many workers, e.g. %%pool 4 --over 1..10",
        "%%pool 0 --over 1..3\\nx | say how many workers, e.g. %%pool 4 --over 1..10",
        "%%pool four --over 1..3\\nx | say how many workers, e.g. %%pool 4 --over 1..10",
        "%%pool 4 5 --over 1..3\\nx | say how many workers, e.g. %%pool 4 --over 1..10",
        "%%pool 99999999999 --over 1..3\\nx | say how many workers, e.g. %%pool 4 --over 1..10",
        "%%pool 4\\nx | --over is missing: the items to compute the body for",
        "%%pool 4 --over\\nx | --over needs a value",
        "%%pool 4 --chunk 2 --over 1..3\\nx | unknown option --chunk",
        "%%pool 4 --over 1..3 --chunksize 0\\nx | --chunksize must be at least 1, not 0",
        "%%pool 4 --over 1..3 --chunksize\\nx | --chunksize needs a value",
        "%%pool 4 --over 1..3 | the cell has no body: an expression of x, e.g. x * x",
        "%%pool 4 --over 1..3 --chunk 2\\nx | unknown option --chunk",
        "%%pool 4 --over 1..3 --show-jav\\nx | unknown option --show-jav",
        "%%pool 4 --over 1..3\\nint y = x * x; | the body's statements return no value: end them with return and the"
                + " result, e.g. return y * y; (or make the body one expression of x, e.g. x * x)",
    })
    void pool(String cell, String message) {
        assertUsageError("pool", true, cell, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "time | false | %time | nothing to time",
        "time | true | %%time now\\n1 + 1 | takes no arguments; the code goes below it",
        "time | true | %%time | nothing to time",
        "explain | false | %explain | say on or off",
        "explain | false | %explain yes | say on or off",
        "timeline | false | %timeline --first | unknown option --first",
        "locks | false | %locks --mine | the only option is --all",
        "ps | false | %ps -a | takes no arguments",
        "vars | false | %vars x | takes no arguments",
        "lsmagic | false | %lsmagic all | takes no arguments",
        "help | false | %help | name one magic",
        "help | false | %help time ps | name one magic",
        "help | false | %help %tiem | there is no magic %tiem; did you mean %time?",
        "help | false | %help %spawn | there is no magic %spawn; did you mean %%spawn?",
        "load | false | %load | name the file to load",
        "load | false | %load \"\" | name the file to load",
        "load | false | %load /no/such/dir/cells.jsh | there is no file /no/such/dir/cells.jsh (looked for /no/such/dir/cells.jsh)",
        "classpath | false | %classpath /no/such/dir/lib.jar"
                + " | there is no file or directory /no/such/dir/lib.jar (looked for /no/such/dir/lib.jar)",
        "classpath | false | %classpath \"lib.jar | a quote is not closed",
        "maven | false | %maven junit | 'junit' is not a Maven coordinate; write groupId:artifactId:version, e.g. "
                + MavenCoordinates.EXAMPLE,
        "mavenRepo | false | %mavenRepo google | give an id and an address",
        "mavenRepo | false | %mavenRepo google https://maven.google.com/ again | give an id and an address",
        "mavenRepo | false | %mavenRepo old ftp://example.org/m2 "
                + "| ftp://example.org/m2 is not a repository address; write one starting with https://, http:// or file:",
    })
    void lineMagicsAndTime(String name, boolean cellMagic, String cell, String message) {
        assertUsageError(name, cellMagic, cell, message);
    }

    private static void assertUsageError(String name, boolean cellMagic, String cell, String message) {
        Magic magic = notebook.magic(name, cellMagic);
        String spelled = (cellMagic ? "%%" : "%") + name;
        assertEquals(spelled + ": " + message, notebook.run(cell.replace("\\n", "\n")).usageError(magic.usage()));
    }
}
