package org.proclab.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.proclab.kernel.protocol.HistoryRequest;

/**
 * The code of the cells this kernel ran, for {@code history_request} (the console's up-arrow and
 * {@code %history} in front ends). Kept in memory for the kernel's lifetime; session 1 is this one.
 */
final class History {
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input) {
        entries.add(new Entry(line, input, null));
    }

    /** Records the shown value of the cell at {@code line}, for requests that ask for output. */
    synchronized void setOutput(int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).line() == line) {
                entries.set(i, new Entry(line, entries.get(i).input(), output));
                return;
            }
        }
    }

    /**
     * Entries as {@code [session, line, input]}, or {@code [session, line, [input, output]]} when
     * the request asks for output, chosen as the request asks.
     */
    synchronized List<List<Object>> answer(HistoryRequest request) {
        String access = request.histAccessType() == null ? "tail" : request.histAccessType();
        List<Entry> chosen = switch (access) {
            case "range" -> range(request.start(), request.stop());
            case "search" -> lastN(search(request.pattern(), Boolean.TRUE.equals(request.unique())), request.n());
            default -> lastN(entries, request.n());
        };
        List<List<Object>> answer = new ArrayList<>(chosen.size());
        for (Entry entry : chosen) {
            answer.add(request.output()
                    ? List.of(SESSION, entry.line(), Arrays.asList(entry.input(), entry.output()))
                    : List.of(SESSION, entry.line(), entry.input()));
        }
        return answer;
    }

    /** The last {@code n} entries; tail and search requests limit their answer this way. */
    private static List<Entry> lastN(List<Entry> chosen, Integer n) {
        if (n == null || n < 0 || chosen.size() <= n) {
            return chosen;
        }
        return chosen.subList(chosen.size() - n, chosen.size());
    }

    private List<Entry> range(Integer start, Integer stop) {
        int from = start == null ? 0 : start;
        int to = stop == null ? Integer.MAX_VALUE : stop;
        return entries.stream().filter(e -> e.line() >= from && e.line() < to).toList();
    }

    private List<Entry> search(String glob, boolean unique) {
        Pattern pattern = globToRegex(glob == null ? "*" : glob);
        Map<String, Entry> latest = new LinkedHashMap<>();
        List<Entry> all = new ArrayList<>();
        for (Entry entry : entries) {
            if (pattern.matcher(entry.input()).matches()) {
                all.add(entry);
                latest.remove(entry.input());
                latest.put(entry.input(), entry);
            }
        }
        return unique ? List.copyOf(latest.values()) : all;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
