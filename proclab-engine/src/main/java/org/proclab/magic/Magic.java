package org.proclab.magic;

import org.proclab.engine.jshell.Evaluation;
/**
 * A helper command a cell can use: a line magic ({@code %name args}, on a line of its own, between
 * Java code) or a cell magic ({@code %%name args} on the first line; the rest of the cell is its
 * body). Each documents itself, so {@code %lsmagic} and {@code %help} can list and explain it.
 */
public interface Magic {
    /** The name without the percent signs. */
    String name();

    /** Whether this is a cell magic ({@code %%name}) rather than a line magic ({@code %name}). */
    boolean isCellMagic();

    /** One line: how to call it, e.g. {@code %time STATEMENT}. */
    String usage();

    /** What it does, in a sentence or two. */
    String summary();

    /**
     * Runs the magic.
     *
     * @param arguments what follows the name on its line
     * @param body the rest of the cell for a cell magic, empty for a line magic
     * @throws MagicUsageException when the arguments are wrong; the user sees the message and the usage
     */
    Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException;
}
