package org.proclab.kernel.protocol;

/** Content of {@code input_reply}: the line the user typed. */
public record InputReply(String value) {
}
