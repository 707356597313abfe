package org.proclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proclab.kernel.testkit.KernelClient.parentId;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.proclab.kernel.testkit.KernelClient;
import org.proclab.kernel.testkit.KernelClient.Channel;
import org.proclab.kernel.testkit.KernelClient.Execution;
import org.proclab.kernel.testkit.KernelProcess;
import org.proclab.kernel.wire.Message;
import org.proclab.kernel.wire.MessageSigner;
import org.proclab.kernel.wire.WireCodec;

/**
 * End to end: the kernel as its own OS process, spoken to over the real Jupyter wire protocol, on
 * every available JDK (see {@link Jdk#available()}). One kernel per JDK serves most tests; the
 * shutdown test starts its own. Every process is killed in {@link #killKernels()} whatever happens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelProcessTest {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    /** What the kernel logs when it had to halt itself after a shutdown request. */
    private static final String HALTED = "had not exited";

    @TempDir
    static Path dir;

    /** A running kernel and the client connected to it. */
    private record Running(KernelProcess process, KernelClient client) {
    }

    private static final Map<Path, Running> SHARED = new LinkedHashMap<>();
    private static final List<KernelProcess> ALL = new ArrayList<>();

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    /** The shared kernel of a JDK, started (again) if it is not running. */
    private static synchronized Running shared(Jdk jdk) throws Exception {
        Running running = SHARED.get(jdk.home());
        if (running == null || !running.process().process().isAlive()) {
            if (running != null) {
                running.client().close();
            }
            running = startKernel(jdk);
            SHARED.put(jdk.home(), running);
        }
        return running;
    }

    private static Running startKernel(Jdk jdk) throws Exception {
        KernelProcess process = KernelProcess.start(jdk.home(), dir);
        synchronized (ALL) {
            ALL.add(process);
        }
        KernelClient client = new KernelClient(process.info());
        try {
            client.awaitReady(STARTUP);
        } catch (AssertionError e) {
            client.close();
            throw new AssertionError(e.getMessage() + "\nkernel log:\n" + process.log(), e);
        }
        return new Running(process, client);
    }

    @AfterAll
    static void killKernels() {
        SHARED.values().forEach(running -> running.client().close());
        SHARED.clear();
        synchronized (ALL) {
            ALL.forEach(KernelProcess::close);
            for (KernelProcess process : ALL) {
                assertFalse(process.process().isAlive(), process + " is still alive");
            }
            ALL.clear();
        }
    }

    private static void assertNoBadMessages(Running kernel) {
        assertEquals(List.of(), kernel.client().invalidMessages(), "messages from the kernel that failed to verify");
        assertTrue(kernel.process().process().isAlive(), "the kernel died; log:\n" + kernel.process().log());
    }

    // kernel_info_reply (on shell, the port from the connection file, and on control) says language java, this JDK's version and protocol 5.3; a plain TCP connection to the shell port works.
    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void kernelInfo(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(kernel.process().info().ip(), kernel.process().info().shellPort()), 5000);
            assertTrue(socket.isConnected(), "TCP connection to the shell port from the connection file");
        }

        String id = kernel.client().send(Channel.SHELL, "kernel_info_request", Map.of());
        JsonNode reply = kernel.client().awaitReply(Channel.SHELL, id, Duration.ofSeconds(10)).content();
        assertEquals("ok", reply.path("status").asText());
        assertEquals("5.3", reply.path("protocol_version").asText());
        assertEquals("proclab", reply.path("implementation").asText());
        assertEquals("java", reply.path("language_info").path("name").asText());
        if (jdk.version() != null) {
            assertEquals(jdk.version(), reply.path("language_info").path("version").asText(), "the kernel runs on " + jdk);
        }

        String controlId = kernel.client().send(Channel.CONTROL, "kernel_info_request", Map.of());
        Message controlReply = kernel.client().awaitReply(Channel.CONTROL, controlId, Duration.ofSeconds(10));
        assertEquals("kernel_info_reply", controlReply.type());
        assertNoBadMessages(kernel);
    }

    // `6*7` gives execute_result 42 and an ok reply, with busy, execute_input, execute_result, idle on IOPub in that order.
    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void executeExpression(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        Execution run = kernel.client().execute("6*7");
        assertEquals("ok", run.status(), run.toString());
        assertEquals("42", run.result());
        assertEquals(List.of("status:busy", "execute_input", "execute_result", "status:idle"), run.iopubTypes());
        int count = run.executionCount();
        Message result = run.iopub().get(2);
        assertEquals(count, result.content().path("execution_count").asInt());
        assertEquals(count, run.iopub().get(1).content().path("execution_count").asInt());
        assertEquals("6*7", run.iopub().get(1).content().path("code").asText());
        assertEquals(count + 1, kernel.client().execute("1").executionCount(), "each execution counts one up");
        assertNoBadMessages(kernel);
    }

    // What a cell prints arrives as stream messages on stdout and stderr.
    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void printedOutputStreams(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        Execution run = kernel.client().execute("System.out.println(\"hello \u00e9\u20ac\"); System.err.print(\"warned\");");
        assertEquals("ok", run.status(), run.toString());
        assertEquals("hello \u00e9\u20ac\n", run.stream("stdout"));
        assertEquals("warned", run.stream("stderr"));
        assertNoBadMessages(kernel);
    }

    // Reading System.in asks the front end with input_request on stdin; the input_reply's value is what the cell reads.
    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void stdinRoundTrip(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        KernelClient client = kernel.client();
        String id = client.startExecute("new java.util.Scanner(System.in).nextLine()");
        client.await(Channel.STDIN, m -> id.equals(parentId(m)) && m.type().equals("input_request"),
                Duration.ofSeconds(30), "input_request");
        client.sendInput("typed by the user");
        Execution run = client.awaitExecution(id, Duration.ofSeconds(30));
        assertEquals("ok", run.status(), run.toString());
        assertEquals("\"typed by the user\"", run.result());
        assertNoBadMessages(kernel);
    }

    // Comms on real sockets: a cell opens one (comm_open on IOPub, listed by comm_info_request); a comm_msg
    // from the front end reaches its handler while a later cell is still running, and the comm's answer
    // comes back as comm_msg.
    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void commsBothWaysWhileACellRuns(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        KernelClient client = kernel.client();
        Execution opened = client.execute("var gate = new java.util.concurrent.CountDownLatch(1);\n"
                + "var comm = Comm.open(\"proclab.java-test\", Map.of(\"n\", 1));\n"
                + "comm.onMessage(data -> { comm.send(Map.of(\"echo\", data.get(\"n\"))); gate.countDown(); });\n"
                + "comm.id()");
        assertEquals("ok", opened.status(), opened.toString());
        String commId = opened.result().replace("\"", "");
        Message open = opened.iopub().stream().filter(m -> m.type().equals("comm_open")).findFirst().orElseThrow();
        assertEquals("proclab.java-test", open.content().path("target_name").asText());
        assertEquals(1, open.content().path("data").path("n").asInt());
        String info = client.send(Channel.SHELL, "comm_info_request", Map.of("target_name", "proclab.java-test"));
        assertTrue(client.awaitReply(Channel.SHELL, info, Duration.ofSeconds(30)).content().path("comms").has(commId));

        String waiting = client.startExecute("gate.await(60, java.util.concurrent.TimeUnit.SECONDS)");
        client.await(Channel.IOPUB, m -> waiting.equals(parentId(m)) && m.type().equals("execute_input"),
                Duration.ofSeconds(30), "the waiting cell to start");
        client.send(Channel.SHELL, "comm_msg", Map.of("comm_id", commId, "data", Map.of("n", 42)));
        Message echoed = client.awaitIopub(m -> m.type().equals("comm_msg")
                && commId.equals(m.content().path("comm_id").asText()), Duration.ofSeconds(30));
        assertEquals(42, echoed.content().path("data").path("echo").asInt());
        Execution run = client.awaitExecution(waiting, Duration.ofSeconds(60));
        assertEquals("true", run.result(), run.toString());
        assertNoBadMessages(kernel);
    }

    // interrupt_request on control stops a running `while (true) {}`: the execute_reply (error Interrupted) comes within 1 s and a variable defined before survives.
    @Order(5)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void interruptEndlessLoop(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        assertInterruptible(kernel, "int keptLoop = 7;", "{ System.out.println(\"running\"); while (true) {} }",
                "keptLoop + 1", "8");
    }

    // interrupt_request on control stops `Thread.sleep(60_000);`: the execute_reply comes within 1 s and a variable defined before survives.
    @Order(6)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void interruptSleep(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        assertInterruptible(kernel, "int keptSleep = 20;", "{ System.out.println(\"running\"); Thread.sleep(60_000); }",
                "keptSleep + 1", "21");
    }

    private static void assertInterruptible(Running kernel, String define, String endless, String check, String expected) {
        KernelClient client = kernel.client();
        assertEquals("ok", client.execute(define).status());
        String id = client.startExecute(endless);
        // The cell prints just before it loops or sleeps, so the stop arrives while its code runs.
        client.awaitIopub(m -> id.equals(parentId(m)) && m.type().equals("stream")
                && m.content().path("text").asText().contains("running"), Duration.ofSeconds(30));

        long begin = System.nanoTime();
        Message interruptReply = client.interrupt(ONE_SECOND);
        Execution run = client.awaitExecution(id, ONE_SECOND.minusNanos(System.nanoTime() - begin));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        assertEquals("ok", interruptReply.content().path("status").asText());
        assertEquals("error", run.status(), run.toString());
        assertEquals("Interrupted", run.reply().content().path("ename").asText(), run.toString());
        assertNotNull(run.error(), "an error broadcast on IOPub");
        assertTrue(millis <= 1000, "reply after " + millis + " ms");
        assertEquals(expected, client.execute(check).result());
        assertNoBadMessages(kernel);
    }

    // An interrupt_request sent right after the execute_request of `while (true) {}` (before the code started) still stops the cell within 1 s.
    @Order(7)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void interruptRightAfterExecuteIsNotLost(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        KernelClient client = kernel.client();
        assertEquals("ok", client.execute("int keptEarly = 1;").status());
        String id = client.startExecute("while (true) {}");
        client.awaitIopub(m -> id.equals(parentId(m)) && m.type().equals("execute_input"), Duration.ofSeconds(30));
        long begin = System.nanoTime();
        client.interrupt(ONE_SECOND);
        try {
            Execution run = client.awaitExecution(id, ONE_SECOND.minusNanos(System.nanoTime() - begin));
            assertEquals("Interrupted", run.reply().content().path("ename").asText(), run.toString());
        } catch (AssertionError lost) {
            client.interrupt(Duration.ofSeconds(5));
            client.awaitExecution(id, Duration.ofSeconds(5));
            throw lost;
        }
        assertEquals("2", client.execute("keptEarly + 1").result());
    }

    // System.exit(3) in a cell gives error SystemExit; the kernel process lives on and the next cell works with earlier state.
    @Order(8)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void systemExitDoesNotEndTheKernel(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        KernelClient client = kernel.client();
        assertEquals("ok", client.execute("int keptExit = 5;").status());
        Execution exit = client.execute("System.exit(3);");
        assertEquals("error", exit.status(), exit.toString());
        assertEquals("SystemExit", exit.reply().content().path("ename").asText());
        assertEquals("SystemExit", exit.error().path("ename").asText());
        assertTrue(kernel.process().process().isAlive(), "the kernel process is still running");
        assertEquals("10", client.execute("keptExit * 2").result());
        assertNoBadMessages(kernel);
    }

    // A shell message with a wrong HMAC signature (or none, or broken framing) is dropped: no busy status, no reply, its code does not run, and the kernel keeps serving.
    @Order(9)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void wronglySignedMessageIsNotExecuted(Jdk jdk) throws Exception {
        Running kernel = shared(jdk);
        KernelClient client = kernel.client();
        int before = client.execute("1").executionCount();

        Message forged = client.request("execute_request", Map.of("code", "int forged = 1;", "silent", false,
                "store_history", true, "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
        client.sendRaw(new WireCodec(new MessageSigner("not-the-key")).encode(forged));
        Message unsigned = client.request("execute_request", Map.of("code", "int unsignedVar = 1;", "silent", false));
        List<byte[]> unsignedFrames = new ArrayList<>(new WireCodec(new MessageSigner("")).encode(unsigned));
        client.sendRaw(unsignedFrames);
        client.sendRaw(List.of("no delimiter here".getBytes(StandardCharsets.UTF_8)));

        Execution check = client.execute("forged");
        assertEquals("error", check.status(), check.toString());
        assertEquals("CompilationError", check.reply().content().path("ename").asText(), check.toString());
        assertTrue(check.reply().content().path("evalue").asText().contains("cannot find symbol"), check.toString());
        assertEquals("error", client.execute("unsignedVar").status());
        assertEquals(before + 1, check.executionCount(), "the forged requests were not counted as executions");

        for (String dropped : List.of(forged.header().msgId(), unsigned.header().msgId())) {
            assertEquals(List.of(), client.iopubFor(dropped), "IOPub messages for a dropped request");
            assertTrue(client.received(Channel.SHELL).stream().noneMatch(m -> dropped.equals(parentId(m))),
                    "shell reply for a dropped request");
        }
        assertNoBadMessages(kernel);
    }

    // shutdown_request on control gets a shutdown_reply and the kernel process then exits (status 0) within a few
    // seconds. Should something hold its exit up, the kernel halts itself after its grace period (tested below);
    // the test then prints that kernel's log, which has the stacks of its threads.
    @Order(10)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shutdownEndsTheProcess(Jdk jdk) throws Exception {
        withOwnKernel(jdk, (kernel, client) -> {
            assertEquals("42", client.execute("6*7").result());
            Message reply;
            try {
                reply = client.shutdown(false, Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + whyNoReply(kernel), e);
            }
            assertEquals("shutdown_reply", reply.type());
            assertEquals("ok", reply.content().path("status").asText());
            assertFalse(reply.content().path("restart").asBoolean(true));
            if (!kernel.process().waitForExit(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the kernel did not exit after shutdown; log:\n" + kernel.process().log()
                        + "\nthreads:\n" + kernel.process().threadDump());
            }
            assertEquals(0, kernel.process().process().exitValue(), kernel.process().log());
            if (kernel.process().log().contains(HALTED)) {
                System.err.println("KernelProcessTest: the " + jdk + " kernel had to halt itself after shutdown:\n"
                        + kernel.process().log());
            }
        });
    }

    // A shutdown hook that a cell added and that never ends cannot keep a kernel that was told to shut
    // down alive: the kernel halts after its grace period, and its log says why and shows the hook.
    @Order(11)
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shutdownHaltsAKernelThatAHookHoldsUp(Jdk jdk) throws Exception {
        withOwnKernel(jdk, (kernel, client) -> {
            assertEquals("ok", client.execute("Runtime.getRuntime().addShutdownHook(new Thread(() -> {\n"
                    + "    try { Thread.sleep(600_000); } catch (InterruptedException e) { }\n"
                    + "}, \"stubborn-hook\"));").status());
            assertEquals("shutdown_reply", client.shutdown(false, Duration.ofSeconds(30)).type());
            assertTrue(kernel.process().waitForExit(30, TimeUnit.SECONDS),
                    "the kernel did not exit; log:\n" + kernel.process().log());
            String log = kernel.process().log();
            assertTrue(log.contains(HALTED) && log.contains("stubborn-hook"), log);
        });
    }

    /** A test step on a kernel of its own. */
    private interface OwnKernelTest {
        void run(Running kernel, KernelClient client) throws Exception;
    }

    /** Starts a kernel for one test (one that ends it), runs the test, and kills whatever is left of it. */
    private static void withOwnKernel(Jdk jdk, OwnKernelTest test) throws Exception {
        Running kernel = startKernel(jdk);
        try (KernelClient client = kernel.client()) {
            test.run(kernel, client);
        } finally {
            kernel.process().close();
        }
    }

    /** For a request that got no reply: is the kernel alive, and does it still answer on control and shell? */
    private static String whyNoReply(Running kernel) {
        return "kernel alive: " + kernel.process().process().isAlive()
                + "; answers kernel_info on control: " + answers(kernel.client(), Channel.CONTROL)
                + ", on shell: " + answers(kernel.client(), Channel.SHELL)
                + "\nkernel log:\n" + kernel.process().log() + "\nthreads:\n" + kernel.process().threadDump();
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
