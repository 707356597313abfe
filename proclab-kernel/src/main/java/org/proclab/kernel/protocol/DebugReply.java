package org.proclab.kernel.protocol;

import java.util.Map;

/**
 * Content of {@code debug_reply}: a Debug Adapter Protocol response. Its keys are the protocol's own
 * ({@code request_seq} in snake case, the body's in camel case).
 *
 * @param type always {@code response}
 * @param seq this response's number
 * @param requestSeq the {@code seq} of the request it answers
 * @param success whether the request was carried out
 * @param command the request's command
 * @param message why it was not, when it was not
 * @param body what the command returns
 */
public record DebugReply(String type, int seq, int requestSeq, boolean success, String command, String message,
                         Map<String, Object> body) {
}
