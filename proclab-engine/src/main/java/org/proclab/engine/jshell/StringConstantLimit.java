package org.proclab.engine.jshell;

import java.util.OptionalInt;

/**
 * Finds string literals too long for a class file (more than 65,535 bytes of modified UTF-8)
 * before JShell sees them. javac rejects such a literal only when it writes the class, and in JDK
 * 17 to 25 that failure stays in JShell's compiler: every later snippet, even {@code 1 + 1}, then
 * fails with "UTF8 representation for string ... is too long", and dropping the snippet does not
 * help. So the kernel refuses the snippet itself.
 *
 * <p>Only literals are checked; a constant built by joining literals ({@code "..." + "..."}) is
 * not (a rare case that still breaks the session).
 */
final class StringConstantLimit {
    /** The most bytes a class-file constant may hold. */
    static final int MAX_BYTES = 65_535;

    private StringConstantLimit() {
    }

    /** The offset of the first string literal or text block in {@code source} whose value is too long. */
    static OptionalInt firstTooLong(String source) {
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOfLine(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (c == '\'') {
                i = endOfQuoted(source, i, '\'');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                int close = end < 0 ? length : end;
                if (tooLong(source.substring(i + 3, close), true)) {
                    return OptionalInt.of(i);
                }
                i = close + 3;
            } else if (c == '"') {
                int end = endOfQuoted(source, i, '"');
                if (tooLong(source.substring(i + 1, Math.max(i + 1, end - 1)), false)) {
                    return OptionalInt.of(i);
                }
                i = end;
            } else {
                i++;
            }
        }
        return OptionalInt.empty();
    }

    private static boolean tooLong(String raw, boolean textBlock) {
        if (raw.length() <= MAX_BYTES / 3) {
            return false;
        }
        String value;
        try {
            value = textBlock ? raw.stripIndent().translateEscapes() : raw.translateEscapes();
        } catch (IllegalArgumentException e) {
            return false;
        }
        long bytes = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes > MAX_BYTES;
    }

    /** The index after the closing quote (or the end of the line, for an unclosed literal). */
    private static int endOfQuoted(String source, int open, char quote) {
        int i = open + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int endOfLine(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }
}
