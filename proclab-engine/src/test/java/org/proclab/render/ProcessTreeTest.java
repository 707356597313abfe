package org.proclab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Processes in the order of the tree they form. */
class ProcessTreeTest {
    private record Proc(String name, long pid, long parentPid) {
    }

    private static final Proc ONE = new Proc("Process-1", 11, 1);
    private static final Proc TWO = new Proc("Process-2", 12, 1);
    private static final Proc TWO_ONE = new Proc("Process-2:1", 21, 12);
    private static final Proc TWO_ONE_ONE = new Proc("Process-2:1:1", 31, 21);
    private static final Proc ONE_ONE = new Proc("Process-1:1", 22, 11);

    private static List<String> order(List<ProcessTree.Placed<Proc>> placed) {
        return placed.stream().map(p -> p.depth() + " " + p.item().name()).toList();
    }

    // Each process comes right after the one that started it, one level deeper; the rest keeps its order.
    @Test
    void eachProcessFollowsItsParent() {
        List<ProcessTree.Placed<Proc>> tree = ProcessTree.of(List.of(ONE, TWO, TWO_ONE, ONE_ONE, TWO_ONE_ONE),
                Proc::pid, Proc::parentPid);
        assertEquals(List.of("0 Process-1", "1 Process-1:1", "0 Process-2", "1 Process-2:1", "2 Process-2:1:1"), order(tree));
        assertEquals(List.of("1 Process-2:1", "2 Process-2:1:1"), order(ProcessTree.below(tree, TWO)));
        assertEquals(List.of(), ProcessTree.below(tree, ONE_ONE));
    }

    // A process whose parent is not listed is a root; a loop of parents (reused pids) loses nobody.
    @Test
    void unknownParentsAndLoopsMakeRoots() {
        Proc orphan = new Proc("Process-9:1", 91, 9);
        Proc a = new Proc("a", 5, 6);
        Proc b = new Proc("b", 6, 5);
        assertEquals(List.of("0 Process-9:1", "0 a", "1 b"),
                order(ProcessTree.of(List.of(orphan, a, b), Proc::pid, Proc::parentPid)));
    }

    // A label is indented by its depth, with a corner pointing up to its parent, in spaces HTML keeps.
    @Test
    void labelsAreIndented() {
        assertEquals("Process-2", ProcessTree.label("Process-2", 0));
        assertEquals("└\u00a0Process-2:1", ProcessTree.label("Process-2:1", 1));
        assertEquals("\u00a0\u00a0└\u00a0Process-2:1:1", ProcessTree.label("Process-2:1:1", 2));
    }
}
