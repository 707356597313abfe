package org.proclab.kernel.protocol;

/** Content of {@code input_request}: ask the front end for a line of input. */
public record InputRequest(String prompt, boolean password) {
}
