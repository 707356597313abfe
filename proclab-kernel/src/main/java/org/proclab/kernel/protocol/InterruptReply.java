package org.proclab.kernel.protocol;

/** Content of {@code interrupt_reply}. */
public record InterruptReply(String status) {
}
