package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.proclab.kernel.testkit.KernelClient;
import org.proclab.kernel.testkit.KernelClient.Channel;
import org.proclab.kernel.testkit.KernelProcess;
import org.proclab.kernel.wire.Message;

/**
 * End to end: the kernel as its own OS process on every available JDK (see {@link Jdk#available()}),
 * for what only a test that owns the JVM can see: which JDK the kernel runs on, and how its process
 * ends after a shutdown_request (exit status, its log, the stacks of a kernel that hangs). The Jupyter
 * protocol behaviour is the Python harness's, with jupyter_client as the client
 * (docs/decisions/042-one-end-to-end-client-per-question.md). Each test starts its own kernel and
 * kills whatever is left of it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelProcessTest {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** What the kernel logs when it had to halt itself after a shutdown request. */
    private static final String HALTED = "had not exited";

    @TempDir
    static Path dir;

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    // A kernel started on this JDK says so (language_info.version), runs a cell, and after a shutdown_request on
    // control gets a shutdown_reply and exits (status 0) within a few seconds. Should something hold its exit up,
    // the kernel halts itself after its grace period (tested below); the test then prints that kernel's log,
    // which has the stacks of its threads.
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void runsOnItsJdkAndShutdownEndsTheProcess(Jdk jdk) throws Exception {
        withOwnKernel(jdk, (kernel, client) -> {
            if (jdk.version() != null) {
                String info = client.send(Channel.SHELL, "kernel_info_request", Map.of());
                JsonNode reply = client.awaitReply(Channel.SHELL, info, Duration.ofSeconds(10)).content();
                assertEquals(jdk.version(), reply.path("language_info").path("version").asText(),
                        "the kernel runs on " + jdk);
            }
            assertEquals("42", client.execute("6*7").result());
            Message reply;
            try {
                reply = client.shutdown(Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + whyNoReply(kernel, client), e);
            }
            assertEquals("shutdown_reply", reply.type());
            assertEquals("ok", reply.content().path("status").asText());
            assertFalse(reply.content().path("restart").asBoolean(true));
            if (!kernel.waitForExit(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the kernel did not exit after shutdown; log:\n" + kernel.log()
                        + "\nthreads:\n" + kernel.threadDump());
            }
            assertEquals(0, kernel.process().exitValue(), kernel.log());
            if (kernel.log().contains(HALTED)) {
                System.err.println("KernelProcessTest: the " + jdk + " kernel had to halt itself after shutdown:\n"
                        + kernel.log());
            }
        });
    }

    // A shutdown hook that a cell added and that never ends cannot keep a kernel that was told to shut
    // down alive: the kernel halts after its grace period, and its log says why and shows the hook.
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shutdownHaltsAKernelThatAHookHoldsUp(Jdk jdk) throws Exception {
        withOwnKernel(jdk, (kernel, client) -> {
            assertEquals("ok", client.execute("Runtime.getRuntime().addShutdownHook(new Thread(() -> {\n"
                    + "    try { Thread.sleep(600_000); } catch (InterruptedException e) { }\n"
                    + "}, \"stubborn-hook\"));").status());
            assertEquals("shutdown_reply", client.shutdown(Duration.ofSeconds(30)).type());
            assertTrue(kernel.waitForExit(30, TimeUnit.SECONDS), "the kernel did not exit; log:\n" + kernel.log());
            String log = kernel.log();
            assertTrue(log.contains(HALTED) && log.contains("stubborn-hook"), log);
        });
    }

    /** A test step on a kernel of its own. */
    private interface OwnKernelTest {
        void run(KernelProcess kernel, KernelClient client) throws Exception;
    }

    /** Starts a kernel for one test (one that ends it), runs the test, and kills whatever is left of it. */
    private static void withOwnKernel(Jdk jdk, OwnKernelTest test) throws Exception {
        try (KernelProcess kernel = KernelProcess.start(jdk.home(), dir);
             KernelClient client = new KernelClient(kernel.info())) {
            try {
                client.awaitReady(STARTUP);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nkernel log:\n" + kernel.log(), e);
            }
            test.run(kernel, client);
        }
    }

    /** For a request that got no reply: is the kernel alive, and does it still answer on control and shell? */
    private static String whyNoReply(KernelProcess kernel, KernelClient client) {
        return "kernel alive: " + kernel.process().isAlive()
                + "; answers kernel_info on control: " + answers(client, Channel.CONTROL)
                + ", on shell: " + answers(client, Channel.SHELL)
                + "\nkernel log:\n" + kernel.log() + "\nthreads:\n" + kernel.threadDump();
    }

    private static boolean answers(KernelClient client, Channel channel) {
        try {
            String id = client.send(channel, "kernel_info_request", Map.of());
            client.awaitReply(channel, id, Duration.ofSeconds(5));
            return true;
        } catch (AssertionError | RuntimeException e) {
            return false;
        }
    }
}
