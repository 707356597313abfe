package org.proclab.kernel.protocol;

/** Content of {@code is_complete_request}: code a console wants to know whether to run. */
public record IsCompleteRequest(String code) {
}
