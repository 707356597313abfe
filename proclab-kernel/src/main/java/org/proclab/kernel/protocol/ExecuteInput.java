package org.proclab.kernel.protocol;

/** Content of {@code execute_input}: the code being run, broadcast so every front end sees it. */
public record ExecuteInput(String code, int executionCount) {
}
