package org.proclab.course;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.proclab.mp.Process;

/**
 * Waits for processes to end, watching for what keeps them from ending ({@link Check#awaitEnd}): a check
 * of a solution that is stuck then fails in a few seconds, saying why, instead of after its whole time
 * limit.
 *
 * <p>What "stuck" means is the watcher's: a description of the trouble now, or null when there is none
 * ({@link LockDeadlocks}, or progress that stays the same). It counts once the same description has held
 * for {@link #LASTING}: waits with a patience ({@code acquire(Duration)}) end by themselves, and a slow
 * step is not a stop.
 */
final class EndOrStuck {
    static final Duration LASTING = Duration.ofSeconds(3);
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    private final Supplier<String> stuckNow;
    private final Process[] processes;

    EndOrStuck(Supplier<String> stuckNow, Process... processes) {
        for (Process process : processes) {
            if (process.pid() == null) {
                throw new IllegalArgumentException(process.name() + " has not been started: start() it first");
            }
        }
        this.stuckNow = stuckNow;
        this.processes = processes.clone();
    }

    /** Empty once every process has ended; else why not, at the latest when {@code limit} has passed. */
    Optional<String> await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String stuck = null;
        long stuckSince = 0;
        for (Process running = firstAlive(); running != null; running = firstAlive()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return Optional.of("still running after " + (limit.toMillis() % 1000 == 0
                        ? limit.toSeconds() + " s." : limit.toMillis() + " ms."));
            }
            String seen = stuckNow.get();
            if (seen == null || !seen.equals(stuck)) {
                stuck = seen;
                stuckSince = now;
            } else if (now - stuckSince >= LASTING.toNanos()) {
                return Optional.of(seen);
            }
            running.join(LOOK_EVERY);
        }
        return Optional.empty();
    }

    private Process firstAlive() {
        return Stream.of(processes).filter(Process::isAlive).findFirst().orElse(null);
    }
}
