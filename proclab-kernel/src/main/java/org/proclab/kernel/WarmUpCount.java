package org.proclab.kernel;

import org.proclab.engine.jshell.CompilerWarmUp;

/**
 * How many snippets the idle compiler warm-up compiles ({@link IdleWarmUp}). The environment
 * variable {@code PROCLAB_WARMUP_SNIPPETS} sets it (0 turns it off, for a server that must save every
 * CPU second). Unset, it is {@link CompilerWarmUp#DEFAULT_SNIPPETS}, except under a memory limit:
 * the warm-up leaves the JIT's compiled javac behind, some 30–50 MB of an idle kernel's memory, and
 * where memory is what the kernel is short of, the faster later cells are not worth it (decision 030).
 */
final class WarmUpCount {
    /** The environment variable that sets the count. */
    static final String VARIABLE = "PROCLAB_WARMUP_SNIPPETS";
    private static final System.Logger LOG = System.getLogger(WarmUpCount.class.getName());

    private WarmUpCount() {
    }

    /**
     * The count for the variable's value ({@code setting}, null when unset) and whether the kernel
     * has a memory limit; a value that is not a number counts as unset.
     */
    static int of(String setting, boolean memoryLimited) {
        int unset = memoryLimited ? 0 : CompilerWarmUp.DEFAULT_SNIPPETS;
        if (setting == null || setting.isBlank()) {
            return unset;
        }
        try {
            return Math.max(0, Integer.parseInt(setting.trim()));
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, VARIABLE + " is not a number: " + setting);
            return unset;
        }
    }
}
