package org.proclab.course;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.proclab.mp.LockSurvey;
import org.proclab.mp.Process;

/**
 * Waits for processes to end, watching for a deadlock that keeps them from ending ({@link Check#awaitEnd}):
 * a check of a solution that deadlocks then fails in a few seconds, saying who holds and waits for which
 * lock, instead of after its whole time limit.
 *
 * <p>Two kinds of deadlock are seen: a cycle of processes each waiting for a lock the next one holds, and
 * a process waiting for a lock that the waiting thread itself holds (it waits for the process to end, so
 * neither can go on). Either counts once it has lasted {@link #LASTING}: waits with a patience
 * ({@code acquire(Duration)}) end by themselves, and the survey ({@link LockSurvey}) does not tell them
 * from endless ones.
 */
final class EndOrDeadlock {
    static final Duration LASTING = Duration.ofSeconds(3);
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private final Process[] processes;
    private final Map<String, String> lockNames;
    private final Map<Long, String> processNames = new HashMap<>();

    EndOrDeadlock(Map<String, ?> locksByName, Process... processes) {
        this.processes = processes.clone();
        this.lockNames = LockSurvey.namesOf(locksByName);
        for (Process process : processes) {
            if (process.pid() == null) {
                throw new IllegalArgumentException(process.name() + " has not been started: start() it first");
            }
            processNames.put(process.pid(), process.name());
        }
    }

    /** Empty once every process has ended; else why not, at the latest when {@code limit} has passed. */
    Optional<String> await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String deadlock = null;
        long deadlockSeen = 0;
        for (Process running = firstAlive(); running != null; running = firstAlive()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return Optional.of("still running after " + (limit.toMillis() % 1000 == 0
                        ? limit.toSeconds() + " s." : limit.toMillis() + " ms."));
            }
            String seen = deadlockNow();
            if (seen == null || !seen.equals(deadlock)) {
                deadlock = seen;
                deadlockSeen = now;
            } else if (now - deadlockSeen >= LASTING.toNanos()) {
                return Optional.of(seen);
            }
            running.join(LOOK_EVERY);
        }
        return Optional.empty();
    }

    private Process firstAlive() {
        return Stream.of(processes).filter(Process::isAlive).findFirst().orElse(null);
    }

    /** A deadlock that keeps one of the processes from ending, in words, or null when there is none. */
    private String deadlockNow() {
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
