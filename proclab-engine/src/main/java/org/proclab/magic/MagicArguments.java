package org.proclab.magic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of a magic's line, read the usual way: {@code 4 --chunksize 2 --show-java} or
 * {@code -n 4 --name worker --no-join}. Options that take a value are named up front; the words that
 * are not options are the positional arguments, joined back with spaces. A word that starts with
 * {@code -} and is not a negative number is an option wherever it stands, so a misspelt one is
 * named as unknown rather than taken for a positional argument.
 */
final class MagicArguments {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();

    private MagicArguments() {
    }

    /**
     * Reads {@code line}.
     *
     * @param withValue options followed by a value, e.g. {@code -n}, {@code --over}
     * @param flags options without a value, e.g. {@code --no-join}
     * @throws MagicUsageException for an unknown option or a missing value
     */
    static MagicArguments parse(String line, Set<String> withValue, Set<String> flags) throws MagicUsageException {
        MagicArguments arguments = new MagicArguments();
        List<String> words = List.of(line.strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty()) {
                continue;
            }
            if (withValue.contains(word)) {
                if (i + 1 >= words.size()) {
                    throw new MagicUsageException(word + " needs a value");
                }
                arguments.values.put(word, words.get(++i));
            } else if (flags.contains(word)) {
                arguments.flags.add(word);
            } else if (word.startsWith("-") && !word.matches("-\\d.*")) {
                throw new MagicUsageException("unknown option " + word);
            } else {
                arguments.positional.add(word);
            }
        }
        return arguments;
    }

    String value(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    /** The value of an option that must be a whole number of at least {@code minimum}. */
    int number(String option, int fallback, int minimum) throws MagicUsageException {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text);
            if (number < minimum) {
                throw new MagicUsageException(option + " must be at least " + minimum + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new MagicUsageException(option + " wants a whole number, not " + text);
        }
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String positional() {
        return String.join(" ", positional);
    }
}
