package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proclab.mp.spawn.ProcessEvents.Event;

class OpenDescendantsTest {
    // The open processes below a child, at any depth, are handed over once, each after its parent;
    // those below another child, and those heard to end, stay out.
    @Test
    void handsOverTheOpenProcessesBelowAChild() {
        OpenDescendants open = new OpenDescendants();
        Event greatGrandchild = Event.started("Process-2:1:1", 30, 3L, "Process-2:1", 20);
        Event grandchild = Event.started("Process-2:1", 20, 2L, "Process-2", 2);
        Event ended = Event.started("Process-2:2", 21, 2L, "Process-2", 2);
        Event cousin = Event.started("Process-3:1", 40, 2L, "Process-3", 3);
        List.of(greatGrandchild, grandchild, ended, cousin).forEach(open::started);
        open.exited(21);

        assertEquals(List.of(grandchild, greatGrandchild), open.below(2));
        assertEquals(List.of(), open.below(2));
        assertEquals(List.of(cousin), open.below(3));
    }
}
