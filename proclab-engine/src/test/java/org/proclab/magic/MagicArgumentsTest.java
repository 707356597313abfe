package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a magic's line is read into options with values, flags and positional words (as %%spawn's is). */
class MagicArgumentsTest {
    private static final Set<String> WITH_VALUE = Set.of("-n", "--name");
    private static final Set<String> FLAGS = Set.of("--no-join", "--show-java");

    private static MagicArguments parse(String line) throws MagicUsageException {
        return MagicArguments.parse(line, WITH_VALUE, FLAGS);
    }

    // Options come in any order, separated by any whitespace; the last value of a repeated option wins.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-n 3 --name worker --no-join | 3 | worker | true",
        "--no-join   --name worker\t-n 3 | 3 | worker | true",
        "'  --name w -n 1 -n 3  ' | 3 | w | false",
        "'' | 1 | none | false",
    })
    void optionsInAnyOrder(String line, int n, String name, boolean noJoin) throws MagicUsageException {
        MagicArguments arguments = parse(line);
        assertEquals(n, arguments.number("-n", 1, 1));
        assertEquals(name, arguments.value("--name", "none"));
        assertEquals(noJoin, arguments.has("--no-join"));
        assertFalse(arguments.has("--show-java"));
        assertEquals("", arguments.positional());
    }

    // Words that are not options are positional, joined by single spaces; a negative number is one too.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4 | 4",
        "--show-java 4 | 4",
        "-1 | -1",
        "-n 2 x  +   1 | x + 1",
    })
    void positionalWords(String line, String positional) throws MagicUsageException {
        assertEquals(positional, parse(line).positional());
    }

    // A misspelt option or one without its value is named in the message.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--nme worker | unknown option --nme",
        "-n 2 --join | unknown option --join",
        "4 --chnksize 2 | unknown option --chnksize",
        "-x | unknown option -x",
        "--name | --name needs a value",
        "--no-join -n | -n needs a value",
    })
    void badOptions(String line, String message) {
        assertEquals(message, assertThrows(MagicUsageException.class, () -> parse(line)).getMessage());
    }

    // A number option must be a whole number no smaller than its minimum; absent, it takes its default.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-n zero | -n wants a whole number, not zero",
        "-n 2.5 | -n wants a whole number, not 2.5",
        "-n 0 | -n must be at least 1, not 0",
        "-n -4 | -n must be at least 1, not -4",
        "-n 99999999999 | -n wants a whole number, not 99999999999",
    })
    void badNumbers(String line, String message) throws MagicUsageException {
        MagicArguments arguments = parse(line);
        assertEquals(message, assertThrows(MagicUsageException.class, () -> arguments.number("-n", 1, 1)).getMessage());
    }

    @Test
    void absentNumberTakesItsDefault() throws MagicUsageException {
        assertEquals(7, parse("--no-join").number("-n", 7, 1));
        assertTrue(parse("--no-join").has("--no-join"));
    }
}
