package org.proclab.kernel.protocol;

/** Content of {@code shutdown_request} and {@code shutdown_reply}. */
public record ShutdownRequest(boolean restart) {
}
