package org.proclab.course;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.proclab.mp.LockSurvey;
import org.proclab.mp.Process;

/**
 * A deadlock that keeps some processes from ending, in words, as the lock survey ({@link LockSurvey},
 * what {@code %locks} uses) shows it now; null when there is none. Two kinds are seen: a cycle of
 * processes each waiting for a lock the next one holds, and a process waiting for a lock that the
 * calling thread itself holds (it waits for the process to end, so neither can go on).
 */
final class LockDeadlocks implements Supplier<String> {
    private final Map<String, String> lockNames;
    private final Map<Long, String> processNames = new HashMap<>();

    /** Watches {@code processes} (started already), naming the locks as {@code locksByName} says (name → lock). */
    LockDeadlocks(Map<String, ?> locksByName, Process... processes) {
        this.lockNames = LockSurvey.namesOf(locksByName);
        for (Process process : processes) {
            if (process.pid() != null) {
                processNames.put(process.pid(), process.name());
            }
        }
    }

    @Override
    public String get() {
        if (!LockSurvey.anyoneWaitsForALock()) {
            return null;
        }
        LockSurvey survey = LockSurvey.take(processNames);
        return survey.deadlocks().stream()
                .filter(cycle -> cycle.steps().stream().anyMatch(step -> processNames.containsKey(step.party().pid())))
                .map(cycle -> "they deadlocked: " + cycle.describe(lockNames))
                .findFirst()
                .orElseGet(() -> waitForTheCaller(survey));
    }

    /** One of the processes waiting for a lock the calling thread holds while it waits for them, or null. */
    private String waitForTheCaller(LockSurvey survey) {
        for (LockSurvey.Entry entry : survey.entries()) {
            if (entry.holder() == null || !entry.holder().isCallingThread()) {
                continue;
            }
            for (LockSurvey.Waiter waiter : entry.waiters()) {
                if (!waiter.forSignal() && processNames.containsKey(waiter.party().pid())) {
                    return "it deadlocked with the check: " + waiter.party().describe() + " waits for "
                            + lockNames.getOrDefault(entry.id(), entry.id()) + ", which the check holds while it waits for "
                            + waiter.party().processName() + " to end.";
                }
            }
        }
        return null;
    }
}
