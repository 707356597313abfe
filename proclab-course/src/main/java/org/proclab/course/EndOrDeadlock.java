package org.proclab.course;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.proclab.mp.LockSurvey;
import org.proclab.mp.Process;

/**
 * Waits for processes to end, watching for a deadlock among them ({@link Check#awaitEnd}): a check of a
 * solution that deadlocks then fails in a few seconds, saying who holds and waits for which lock, instead
 * of after its whole time limit.
 *
 * <p>A wait cycle counts as a deadlock once the same cycle has lasted {@link #LASTING}: a cycle of waits
 * with a patience ({@code acquire(Duration)}) breaks by itself, and the survey ({@link LockSurvey}) does
 * not tell such waits from endless ones.
 */
final class EndOrDeadlock {
    static final Duration LASTING = Duration.ofSeconds(3);
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private final Process[] processes;
    private final Map<String, String> lockNames;
    private final Map<Long, String> processNames = new HashMap<>();

    EndOrDeadlock(Map<String, ?> locksByName, Process... processes) {
        this.processes = processes.clone();
        Map<String, Object> variables = new LinkedHashMap<>(locksByName);
        this.lockNames = LockSurvey.namesOf(variables);
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
        String cycle = null;
        long cycleSeen = 0;
        for (Process running = firstAlive(); running != null; running = firstAlive()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return Optional.of("still running after " + limit.toSeconds() + " s.");
            }
            String seen = deadlockAmongThem();
            if (seen == null || !seen.equals(cycle)) {
                cycle = seen;
                cycleSeen = now;
            } else if (now - cycleSeen >= LASTING.toNanos()) {
                return Optional.of("they deadlocked: " + seen);
            }
            running.join(LOOK_EVERY);
        }
        return Optional.empty();
    }

    private Process firstAlive() {
        return Stream.of(processes).filter(Process::isAlive).findFirst().orElse(null);
    }

    /** The first wait cycle that takes in one of the processes, in words, or null when there is none. */
    private String deadlockAmongThem() {
        if (!LockSurvey.anyoneWaitsForALock()) {
            return null;
        }
        return LockSurvey.take(processNames).deadlocks().stream()
                .filter(deadlock -> deadlock.steps().stream().anyMatch(step -> processNames.containsKey(step.party().pid())))
                .map(deadlock -> deadlock.describe(lockNames))
                .findFirst().orElse(null);
    }
}
