package org.proclab.magic;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Assertions on the Java a magic writes: its key lines, in order, whatever lies between them. */
final class GeneratedJava {
    private GeneratedJava() {
    }

    /** Fails unless each of {@code expected} is a line of {@code java} (indentation aside), in this order. */
    static void assertKeyLines(String java, String... expected) {
        List<String> lines = java.lines().map(String::strip).toList();
        int from = 0;
        for (String line : expected) {
            int at = lines.subList(from, lines.size()).indexOf(line);
            if (at < 0) {
                fail("no line \"" + line + "\" after line " + from + " of:\n" + java);
            }
            from += at + 1;
        }
    }
}
