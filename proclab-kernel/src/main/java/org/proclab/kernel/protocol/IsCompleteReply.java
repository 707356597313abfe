package org.proclab.kernel.protocol;

/**
 * Content of {@code is_complete_reply}: {@code complete}, {@code incomplete} (with the indent for
 * the next line), {@code invalid} or {@code unknown}.
 */
public record IsCompleteReply(String status, String indent) {
}
