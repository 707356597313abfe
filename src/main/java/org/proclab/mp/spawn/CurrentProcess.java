package org.proclab.mp.spawn;

/**
 * Who this JVM is in the ProcLab process tree: {@code MainProcess} unless it was started as a
 * child, in which case the name its parent gave it.
 */
public final class CurrentProcess {
    private static volatile String name = "MainProcess";
    private static volatile ChildRole role;

    private CurrentProcess() {
    }

    static void become(String childName, ChildRole childRole) {
        name = childName;
        role = childRole;
    }

    public static String name() {
        return name;
    }

    /** Null in the main process. */
    public static ChildRole role() {
        return role;
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
