package org.proclab.kernel.protocol;

/**
 * Content of {@code debug_request}: a Debug Adapter Protocol request, of which the kernel reads only what it
 * needs to answer that it has no debugger.
 *
 * @param seq the request's number, which the answer quotes
 * @param command what the front end asks, e.g. {@code debugInfo} or {@code initialize}
 */
public record DebugRequest(int seq, String command) {
}
