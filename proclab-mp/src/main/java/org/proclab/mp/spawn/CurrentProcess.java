package org.proclab.mp.spawn;

/**
 * Who this JVM is in the ProcLab process tree: {@code MainProcess} unless it was started as a
 * child, in which case the name and identity its parent gave it ({@link ChildName}).
 */
public final class CurrentProcess {
    private static volatile String name = "MainProcess";
    private static volatile String identity = "";
    private static volatile ChildRole role;

    private CurrentProcess() {
    }

    static void become(ChildName given, ChildRole childRole) {
        name = given.name();
        identity = given.identity();
        role = childRole;
    }

    public static String name() {
        return name;
    }

    /** Where this process sits in the tree: empty in the main process, e.g. {@code 2:1} in a grandchild. */
    public static String identity() {
        return identity;
    }

    /** Null in the main process. */
    public static ChildRole role() {
        return role;
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
