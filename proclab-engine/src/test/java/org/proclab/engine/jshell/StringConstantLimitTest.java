package org.proclab.engine.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StringConstantLimitTest {
    private static final String LONG = "a".repeat(StringConstantLimit.MAX_BYTES + 1);

    // A literal one byte over the limit is found, at its opening quote.
    @Test
    void findsALiteralOverTheLimit() {
        assertEquals(OptionalInt.of(11), StringConstantLimit.firstTooLong("String s = \"" + LONG + "\";"));
    }

    // A literal exactly at the limit is fine; so is a long text in a comment or a character literal before it.
    @Test
    void acceptsWhatACompilerAccepts() {
        String atLimit = "a".repeat(StringConstantLimit.MAX_BYTES);
        assertEquals(OptionalInt.empty(), StringConstantLimit.firstTooLong("String s = \"" + atLimit + "\";"));
        assertEquals(OptionalInt.empty(), StringConstantLimit.firstTooLong("// \"" + LONG + "\"\nint x = 1;"));
        assertEquals(OptionalInt.empty(), StringConstantLimit.firstTooLong("/* \"" + LONG + "\" */ char c = '\"';"));
    }

    // Bytes count, not characters: 30,000 three-byte characters are over the limit; escapes count as what they mean.
    @Test
    void countsModifiedUtf8Bytes() {
        assertEquals(OptionalInt.of(0), StringConstantLimit.firstTooLong("\"" + "€".repeat(30_000) + "\""));
        assertEquals(OptionalInt.empty(), StringConstantLimit.firstTooLong("\"" + "\\n".repeat(40_000) + "\""));
    }

    // Text blocks are checked too.
    @Test
    void checksTextBlocks() {
        assertEquals(OptionalInt.of(8), StringConstantLimit.firstTooLong("var t = \"\"\"\n" + LONG + "\"\"\";"));
    }
}
