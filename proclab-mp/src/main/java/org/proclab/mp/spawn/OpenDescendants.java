package org.proclab.mp.spawn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.proclab.mp.spawn.ProcessEvents.Event;

/**
 * The processes further down the tree that this JVM heard start (from a child that passed the event
 * on) and has not heard end. Their ends come the same way, through their ancestors; when one of this
 * JVM's own children exits, the ends of those below it that did not come by then never will (a child
 * killed by a signal passes nothing on), so {@link #below} hands them over, for the log to close.
 *
 * <p>Small: a process leaves as soon as its end is heard of or assumed. Thread-safe.
 */
final class OpenDescendants {
    private final Map<Long, Event> open = new LinkedHashMap<>();

    /** A process further down started: {@code start} is its STARTED event. */
    synchronized void started(Event start) {
        open.put(start.pid(), start);
    }

    /** A process further down has exited. */
    synchronized void exited(long pid) {
        open.remove(pid);
    }

    /**
     * Removes and returns the STARTED events of the open processes below {@code pid} (its children,
     * their children, ...), each after its parent.
     */
    synchronized List<Event> below(long pid) {
        List<Event> found = new ArrayList<>();
        Set<Long> ancestors = new HashSet<>(Set.of(pid));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Iterator<Event> it = open.values().iterator(); it.hasNext(); ) {
                Event start = it.next();
                if (ancestors.contains(start.parentPid())) {
                    found.add(start);
                    ancestors.add(start.pid());
                    it.remove();
                    grew = true;
                }
            }
        }
        return found;
    }
}
