package org.proclab.kernel.protocol;

/** Content of {@code history_request}: {@code tail}, {@code range} or {@code search}. */
public record HistoryRequest(boolean output, boolean raw, String histAccessType, Integer session,
                             Integer start, Integer stop, Integer n, String pattern, Boolean unique) {
}
