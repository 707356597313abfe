package org.proclab.kernel.protocol;

/** Content of {@code inspect_request}: the code, the cursor and how much detail is wanted. */
public record InspectRequest(String code, int cursorPos, int detailLevel) {
}
