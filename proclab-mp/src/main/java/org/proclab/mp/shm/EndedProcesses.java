package org.proclab.mp.shm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The processes of a session that have finished and are only exiting. A child whose jobs are done
 * tells its parent its status before its JVM has finished exiting, so that {@code join()} need not
 * wait for the JVM's teardown; from then on the child must count as ended everywhere a process's
 * end matters (the other end of a {@code Pipe}, the users of a {@code Queue}, a lock's holder), as
 * it will a few milliseconds later when the operating system has reaped it.
 *
 * <p>The child leaves a marker file named by its pid in the session's directory, holding the time
 * its process started, so that a later process given the same pid is not taken for it. Its parent
 * deletes the marker once the JVM has exited; a marker left by a parent that died goes with the
 * session's directory.
 */
public final class EndedProcesses {
    private static final String DIRECTORY = "ended";

    private EndedProcesses() {
    }

    /** Marks this process as ended; call it when nothing it still does can matter to other processes. */
    public static void markSelf() {
        ProcessHandle self = ProcessHandle.current();
        try {
            Path directory = SharedMemoryDirectory.session().subdirectory(DIRECTORY);
            Files.writeString(directory.resolve(Long.toString(self.pid())), startMillis(self).map(String::valueOf)
                    .orElse(""), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // unmarked, the process counts as alive until it has exited, as it does without markers
        }
    }

    /** Whether the process marked itself as ended ({@link #markSelf}). */
    static boolean marked(ProcessHandle process) {
        Path marker = SharedMemoryDirectory.session().path().resolve(DIRECTORY).resolve(Long.toString(process.pid()));
        String started;
        try {
            started = Files.readString(marker, StandardCharsets.US_ASCII);
        } catch (IOException absentOrUnreadable) {
            return false;
        }
        Optional<Long> actual = startMillis(process);
        return started.isEmpty() || actual.isEmpty() || actual.get().toString().equals(started);
    }

    /** Deletes the marker of a process that has exited, so its pid may serve another process. */
    public static void forget(long pid) {
        try {
            Files.deleteIfExists(SharedMemoryDirectory.session().path().resolve(DIRECTORY).resolve(Long.toString(pid)));
        } catch (IOException e) {
            // it goes with the session's directory
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
