package org.proclab.kernel.protocol;

/** Content of a {@code stream} broadcast: text written to {@code stdout} or {@code stderr}. */
public record Stream(String name, String text) {
}
