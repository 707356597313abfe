package org.proclab.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Processes in the order of the tree they form, so that a table or a chart can show a grandchild
 * below the child that started it, indented: each process comes right after its parent (after the
 * subtrees of its elder siblings), and otherwise in the order given. Python shows nothing of the
 * kind; a student sees at a glance who started whom.
 */
public final class ProcessTree {
    /** Indentation per level of the tree in a label, in non-breaking spaces (HTML and SVG keep them). */
    private static final String INDENT = "\u00a0\u00a0";

    /** An item and its depth: 0 when its parent is not among the items (in the kernel: a child of the notebook). */
    public record Placed<T>(T item, int depth) {
    }

    private ProcessTree() {
    }

    /**
     * The items in tree order. A process whose parent is not among them (or that names itself as its
     * parent) is a root; so is one caught in a loop of parents, as a reused pid could make.
     *
     * @param pid       the pid of an item
     * @param parentPid the pid of the process that started it (0 when not known)
     */
    public static <T> List<Placed<T>> of(List<T> items, ToLongFunction<T> pid, ToLongFunction<T> parentPid) {
        Map<Long, List<T>> children = new LinkedHashMap<>();
        Map<Long, T> byPid = new LinkedHashMap<>();
        items.forEach(item -> byPid.putIfAbsent(pid.applyAsLong(item), item));
        List<T> roots = new ArrayList<>();
        for (T item : items) {
            long parent = parentPid.applyAsLong(item);
            if (parent != pid.applyAsLong(item) && byPid.containsKey(parent)) {
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(item);
            } else {
                roots.add(item);
            }
        }
        List<Placed<T>> placed = new ArrayList<>();
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        roots.forEach(root -> place(root, 0, children, pid, placed, seen));
        items.forEach(item -> place(item, 0, children, pid, placed, seen));
        return placed;
    }

    /**
     * The items below {@code item} (its children, their children, ...) in a tree from {@link #of}, in its
     * order, each with its depth below {@code item}: 1 for a child.
     */
    public static <T> List<Placed<T>> below(List<Placed<T>> tree, T item) {
        List<Placed<T>> found = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            if (tree.get(i).item() == item) {
                int top = tree.get(i).depth();
                for (int j = i + 1; j < tree.size() && tree.get(j).depth() > top; j++) {
                    found.add(new Placed<>(tree.get(j).item(), tree.get(j).depth() - top));
                }
                return found;
            }
        }
        return found;
    }

    /** {@code name} as a label at {@code depth}: indented, with a corner that points up to its parent. */
    public static String label(String name, int depth) {
        return depth == 0 ? name : INDENT.repeat(depth - 1) + "└\u00a0" + name;
    }

    private static <T> void place(T item, int depth, Map<Long, List<T>> children, ToLongFunction<T> pid,
                                  List<Placed<T>> placed, Set<T> seen) {
        if (!seen.add(item)) {
            return;
        }
        placed.add(new Placed<>(item, depth));
        for (T child : children.getOrDefault(pid.applyAsLong(item), List.of())) {
            place(child, depth + 1, children, pid, placed, seen);
        }
    }
}
