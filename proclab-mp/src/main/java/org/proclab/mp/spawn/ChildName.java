package org.proclab.mp.spawn;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a child process is called and where it sits in the process tree, numbered as Python numbers
 * them: the main process's children have identities 1, 2, 3, ...; the children of child 2 have
 * 2:1, 2:2, ...; a process and a pool worker draw from the same counter. The default name is the
 * kind followed by the identity ({@code Process-2}, {@code SpawnPoolWorker-3}, {@code Process-2:1}),
 * so a grandchild's output is never labelled like one of the notebook's own children.
 *
 * @param name     what {@code name()} returns and output is labelled with
 * @param identity the numbers that place it in the tree, e.g. {@code 2:1}; its own children extend them
 */
public record ChildName(String name, String identity) {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The next child of this process, named after {@code kind} ("Process", "SpawnPoolWorker"). */
    public static ChildName next(String kind) {
        String identity = nextIdentity();
        return new ChildName(kind + "-" + identity, identity);
    }

    /** The next child of this process, with a name of its own (it is numbered all the same, as in Python). */
    public static ChildName named(String name) {
        return new ChildName(name, nextIdentity());
    }

    private static String nextIdentity() {
        String parent = CurrentProcess.identity();
        return (parent.isEmpty() ? "" : parent + ":") + COUNTER.incrementAndGet();
    }
}
