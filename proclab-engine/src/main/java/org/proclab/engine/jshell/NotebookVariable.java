package org.proclab.engine.jshell;

/**
 * A variable the notebook's cells declared and that is in use now: its name, its type as written
 * by JShell ({@code int}, {@code List<String>}, {@code Lock}) and its current value (boxed for a
 * primitive), for {@code %vars} and {@code %locks}.
 */
public record NotebookVariable(String name, String type, Object value) {
}
