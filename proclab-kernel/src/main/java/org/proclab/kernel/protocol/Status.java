package org.proclab.kernel.protocol;

/** Content of a {@code status} broadcast: {@code starting}, {@code busy} or {@code idle}. */
public record Status(String executionState) {
}
