package org.proclab.mp.spawn;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the jobs of a child that died fail: the one it was running, and the ones it never started. */
class ChildProcessJobsTest {
    private static final byte[] NO_JOB = new byte[0];

    // A job sent after the child died was never started, however it is timed: it fails with
    // JobNotStartedException (which a pool hands to another worker), never with JobLostException.
    @Test
    void aJobSentAfterTheChildDiedFailsAsNotStarted() throws Exception {
        ChildSettings settings = ChildSettings.defaults();
        ChildProcess worker = ChildProcess.launch(ChildJvm.start(settings, "Doomed-1"), settings.classSource(),
                ChildName.named("Doomed-1"), ChildRole.POOL_WORKER, false, Thread.currentThread().getThreadGroup());
        worker.awaitReady();
        worker.kill();
        worker.exitCode().get(60, TimeUnit.SECONDS);
        CompletableFuture<Object> late = worker.submit(NO_JOB, getClass().getClassLoader());
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> late.get(60, TimeUnit.SECONDS));
        assertInstanceOf(JobNotStartedException.class, failure.getCause(), failure.getCause().getMessage());
    }
}
