package org.proclab.kernel.protocol;

/** Content of {@code shutdown_reply}. */
public record ShutdownReply(String status, boolean restart) {
}
