package org.proclab.kernel.protocol;

/** Content of {@code complete_request}: the code and the cursor position (in code points). */
public record CompleteRequest(String code, int cursorPos) {
}
