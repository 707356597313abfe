package org.proclab.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.proclab.course.Check;
import org.proclab.display.CommChannel;
import org.proclab.display.DisplayChannel;
import org.proclab.engine.Session;
import org.proclab.engine.exec.CellThreadGroup;
import org.proclab.engine.io.OutputRouter;
import org.proclab.engine.io.RoutedDisplays;
import org.proclab.engine.io.StdinBridge;
import org.proclab.engine.jshell.CellImports;
import org.proclab.engine.jshell.CompilerWarmUp;
import org.proclab.engine.jshell.JavaEvaluator;
import org.proclab.kernel.protocol.CommInfoReply;
import org.proclab.kernel.protocol.CommInfoRequest;
import org.proclab.kernel.protocol.CompleteReply;
import org.proclab.kernel.protocol.CompleteRequest;
import org.proclab.kernel.protocol.DebugRequest;
import org.proclab.kernel.protocol.ErrorContent;
import org.proclab.kernel.protocol.ExecuteReply;
import org.proclab.kernel.protocol.ExecuteRequest;
import org.proclab.kernel.protocol.HistoryReply;
import org.proclab.kernel.protocol.HistoryRequest;
import org.proclab.kernel.protocol.InspectReply;
import org.proclab.kernel.protocol.InspectRequest;
import org.proclab.kernel.protocol.InterruptReply;
import org.proclab.kernel.protocol.IsCompleteReply;
import org.proclab.kernel.protocol.IsCompleteRequest;
import org.proclab.kernel.protocol.MessageTypes;
import org.proclab.kernel.protocol.ShutdownReply;
import org.proclab.kernel.protocol.ShutdownRequest;
import org.proclab.kernel.protocol.Status;
import org.proclab.kernel.wire.ConnectionInfo;
import org.proclab.kernel.wire.JupyterSockets;
import org.proclab.kernel.wire.Message;
import org.proclab.magic.CodeAssist;
import org.proclab.mp.spawn.ResourceLimits;

/**
 * The ProcLab kernel: answers Jupyter's requests and runs cells.
 *
 * <p>Threads: each socket has its owner thread (see {@link JupyterSockets}). Shell requests are
 * handled one after another on the shell worker; control requests (interrupt, shutdown) on the
 * control worker, so they are served while a cell runs. Cell code runs on threads of its own
 * (see {@code ProcLabExecutionControl}). JShell starts in the background, so
 * {@code kernel_info_reply} goes out at once and the first cell waits only for what is left.
 * After the first cell, JShell's compiler is warmed up while the kernel is idle ({@link IdleWarmUp}).
 */
public final class Kernel {
    private static final System.Logger LOG = System.getLogger(Kernel.class.getName());
    /** Cells see ProcLab's library, the display API and the course's {@code Check}, for the exercises. */
    private static final CellImports CELL_IMPORTS = CellImports.with(Check.class);
    /** How many snippets the idle compiler warm-up compiles: none under a memory limit unless set ({@link WarmUpCount}). */
    private static final int WARM_UP_SNIPPETS = WarmUpCount.of(System.getenv(WarmUpCount.VARIABLE),
            ResourceLimits.ofThisProcess().memory().isPresent());

    private final JupyterSockets sockets;
    private final ExecutorService shellWorker = Executors.newSingleThreadExecutor(daemon("proclab-shell-worker"));
    private final ExecutorService controlWorker = Executors.newSingleThreadExecutor(daemon("proclab-control-worker"));
    private final ExecutorService commWorker = Executors.newSingleThreadExecutor(daemon("proclab-comm-worker"));
    /** Orders status messages: a shell request's idle never comes before a busy announced again for it. */
    private final Object statusLock = new Object();
    /** The shell request being handled, for which busy is announced again after another request's idle. */
    private Message shellRequestRunning;
    private final ScheduledExecutorService outputTimer = Executors.newSingleThreadScheduledExecutor(daemon("proclab-output"));
    private final CompletableFuture<JavaEvaluator> evaluator;
    private final CompletableFuture<Session> session;
    private final CellExecutor cells;
    private final IdleWarmUp warmUp = new IdleWarmUp(shellWorker, outputTimer);
    private final History history = new History();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long abortQueuedBefore = Long.MIN_VALUE;
    private volatile boolean restartRequested;
    private final Comms comms;
    private final KernelUsage usage = new KernelUsage();
    private final NoDebugger noDebugger = new NoDebugger();

    /**
     * Binds the sockets and installs the kernel's {@code System.out}, {@code System.err},
     * {@code System.in} and display channel; call {@link #start()} next.
     *
     * @param kernelLog the JVM's original stderr, where the kernel's own messages go
     * @param evaluator JShell being started, from {@link #startEvaluator()}: started before the
     *                  connection file is read, its second or so of start-up overlaps the kernel's own
     */
    public Kernel(ConnectionInfo connection, PrintStream kernelLog, CompletableFuture<JavaEvaluator> evaluator) {
        InputChannel input = new InputChannel(this::sendStdin);
        sockets = new JupyterSockets(connection, this::onShell, this::onControl, input::onStdinMessage);
        OutputRouter router = new OutputRouter(CellThreadGroup::outputOf, kernelLog);
        StdinBridge stdin = new StdinBridge(input);
        router.install();
        DisplayChannel.install(new RoutedDisplays(router, kernelLog));
        System.setIn(stdin);
        CellRequests requests = new CellRequests(router);
        comms = new Comms(sockets::publish, requests);
        CommChannel.install(comms);
        this.evaluator = evaluator;
        session = evaluator.thenApply(ready -> new Session(ready, router, new CellProgressBars(router::target)));
        cells = new CellExecutor(session::join, sockets::publish, stdin, input, history, outputTimer, requests);
    }

    /**
     * Starts serving requests and announces that the kernel is starting. The heap guard is set up
     * once JShell is ready, on JShell's start-up thread: it costs some 40 ms of JMX set-up that
     * {@code kernel_info_reply} need not wait for, and no cell runs before JShell does.
     */
    public void start() {
        session.thenRun(() -> HeapGuard.install(this::stopCell, ResourceLimits.ofThisProcess().memory()));
        sockets.start();
        sockets.publish(Message.broadcast(MessageTypes.STATUS, new Status("starting")));
    }

    /** Blocks until a shutdown request has been answered; returns whether a restart was asked for. */
    public boolean awaitShutdown() throws InterruptedException {
        stopped.await();
        return restartRequested;
    }

    /**
     * Stops the running cell and kills the child processes it started; used by
     * {@code interrupt_request} and by SIGINT (signal mode).
     */
    public void interrupt() {
        stopCell(null);
    }

    /** Stops the running cell like {@link #interrupt()}, telling the user {@code reason} (null: the user asked). */
    private void stopCell(String reason) {
        Session ready = session.getNow(null);
        if (ready != null) {
            ready.interrupt(reason);
        }
    }

    private void onShell(Message message) {
        if (isFromAComm(message)) {
            commWorker.execute(() -> handleComm(message));
            return;
        }
        long arrival = System.nanoTime();
        warmUp.requestQueued();
        shellWorker.execute(() -> {
            try {
                synchronized (statusLock) {
                    shellRequestRunning = message;
                }
                withBusyStatus(message, () -> handleShell(message, arrival));
            } finally {
                warmUp.requestDone();
            }
        });
    }

    private static boolean isFromAComm(Message message) {
        return switch (message.type()) {
            case MessageTypes.COMM_OPEN, MessageTypes.COMM_MSG, MessageTypes.COMM_CLOSE -> true;
            default -> false;
        };
    }

    /**
     * A comm message, on the comm thread: a widget's event reaches its handler while a cell runs.
     * It announces busy and idle like every request, also while a cell runs: ipywidgets' front end
     * sends a control's next change only once the previous one's idle came (decision 028).
     */
    private void handleComm(Message message) {
        withBusyStatus(message, () -> comms.receive(message));
    }

    private void onControl(Message message) {
        controlWorker.execute(() -> withBusyStatus(message, () -> handleControl(message)));
    }

    private void sendStdin(Message message) {
        sockets.sendStdin(message);
    }

    private void handleShell(Message message, long arrival) {
        switch (message.type()) {
            case MessageTypes.KERNEL_INFO_REQUEST -> reply(sockets::sendShell, message, MessageTypes.KERNEL_INFO_REPLY, KernelInfo.reply());
            case MessageTypes.EXECUTE_REQUEST -> {
                ExecuteReply result = arrival < abortQueuedBefore ? cells.aborted() : executeSafely(message);
                if ("error".equals(result.status()) && stopsOnError(message)) {
                    abortQueuedBefore = System.nanoTime();
                }
                reply(sockets::sendShell, message, MessageTypes.EXECUTE_REPLY, result);
                if (WARM_UP_SNIPPETS > 0 && !evaluator.isCompletedExceptionally()) {
                    warmUp.startOnce(() -> new CompilerWarmUp(WARM_UP_SNIPPETS, CELL_IMPORTS));
                }
            }
            case MessageTypes.COMPLETE_REQUEST -> reply(sockets::sendShell, message, MessageTypes.COMPLETE_REPLY, complete(message));
            case MessageTypes.INSPECT_REQUEST -> reply(sockets::sendShell, message, MessageTypes.INSPECT_REPLY, inspect(message));
            case MessageTypes.IS_COMPLETE_REQUEST -> reply(sockets::sendShell, message, MessageTypes.IS_COMPLETE_REPLY, isComplete(message));
            case MessageTypes.HISTORY_REQUEST -> reply(sockets::sendShell, message, MessageTypes.HISTORY_REPLY,
                    new HistoryReply("ok", history.answer(message.content(HistoryRequest.class))));
            case MessageTypes.COMM_INFO_REQUEST -> reply(sockets::sendShell, message, MessageTypes.COMM_INFO_REPLY,
                    new CommInfoReply("ok", comms.info(message.content(CommInfoRequest.class))));
            case MessageTypes.SHUTDOWN_REQUEST -> shutdown(message, sockets::sendShell);
            default -> LOG.log(System.Logger.Level.WARNING, "ignored unknown shell message type " + message.type());
        }
    }

    private void handleControl(Message message) {
        switch (message.type()) {
            case MessageTypes.INTERRUPT_REQUEST -> {
                interrupt();
                reply(sockets::sendControl, message, MessageTypes.INTERRUPT_REPLY, new InterruptReply("ok"));
            }
            case MessageTypes.SHUTDOWN_REQUEST -> shutdown(message, sockets::sendControl);
            case MessageTypes.KERNEL_INFO_REQUEST -> reply(sockets::sendControl, message, MessageTypes.KERNEL_INFO_REPLY, KernelInfo.reply());
            case MessageTypes.USAGE_REQUEST -> reply(sockets::sendControl, message, MessageTypes.USAGE_REPLY, usage.measure());
            case MessageTypes.DEBUG_REQUEST -> reply(sockets::sendControl, message, MessageTypes.DEBUG_REPLY,
                    noDebugger.answer(message.content(DebugRequest.class)));
            default -> LOG.log(System.Logger.Level.WARNING, "ignored unknown control message type " + message.type());
        }
    }

    /**
     * Runs a cell; if the kernel itself fails, the cell still gets an answer saying so. That includes
     * an {@link OutOfMemoryError} on the shell's thread: its executor would replace the thread, but
     * the cell would never be answered.
     */
    private ExecuteReply executeSafely(Message message) {
        try {
            return cells.execute(message);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(System.Logger.Level.ERROR, "the kernel failed to run a cell", e);
            ErrorContent error = new ErrorContent("KernelError", String.valueOf(e.getMessage()), List.of(
                    "ProcLab could not run this cell: " + e,
                    "The kernel log (the terminal running Jupyter) has the details; restarting the kernel may help."));
            sockets.publish(message.reply(MessageTypes.ERROR, error));
            return ExecuteReply.error(0, error);
        }
    }

    private CompleteReply complete(Message message) {
        CompleteRequest request = message.content(CompleteRequest.class);
        CodeAssist.Completions completions = assist().complete(request.code(), request.cursorPos());
        return new CompleteReply("ok", completions.matches(), completions.start(), completions.end(), Map.of());
    }

    private InspectReply inspect(Message message) {
        InspectRequest request = message.content(InspectRequest.class);
        String text = assist().inspect(request.code(), request.cursorPos());
        if (text == null) {
            return new InspectReply("ok", false, Map.of(), Map.of());
        }
        return new InspectReply("ok", true, Map.of("text/plain", text), Map.of());
    }

    private IsCompleteReply isComplete(Message message) {
        String status = assist().completeness(message.content(IsCompleteRequest.class).code());
        return new IsCompleteReply(status, "incomplete".equals(status) ? "    " : null);
    }

    private CodeAssist assist() {
        Session ready = session.join();
        return new CodeAssist(ready.evaluator().analysis(), ready.magics());
    }

    private void shutdown(Message message, Consumer<Message> channel) {
        boolean restart = message.content(ShutdownRequest.class).restart();
        restartRequested = restart;
        reply(channel, message, MessageTypes.SHUTDOWN_REPLY, new ShutdownReply("ok", restart));
        stopped.countDown();
    }

    /** Kills the child processes, closes the sockets (sending what is queued) and the shell. */
    public void close() {
        Session ready = session.getNow(null);
        if (ready != null) {
            ready.killChildren();
        }
        sockets.close();
        if (ready != null) {
            ready.close();
        }
    }

    /**
     * Announces busy, handles the message, announces idle. The idle of a comm or control message
     * handled while a shell request runs is followed by busy for that request, so front ends show
     * the kernel busy until the cell ends.
     */
    private void withBusyStatus(Message message, Runnable handler) {
        sockets.publish(message.reply(MessageTypes.STATUS, new Status("busy")));
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "handling " + message.type() + " failed", e);
        } finally {
            synchronized (statusLock) {
                if (shellRequestRunning == message) {
                    shellRequestRunning = null;
                }
                sockets.publish(message.reply(MessageTypes.STATUS, new Status("idle")));
                if (shellRequestRunning != null) {
                    sockets.publish(shellRequestRunning.reply(MessageTypes.STATUS, new Status("busy")));
                }
            }
        }
    }

    private static void reply(Consumer<Message> channel, Message request, String type, Object content) {
        channel.accept(request.reply(type, content));
    }

    /** Whether a failed request aborts the queued ones; also for a request whose content cannot be read. */
    private static boolean stopsOnError(Message message) {
        try {
            return !Boolean.FALSE.equals(message.content(ExecuteRequest.class).stopOnError());
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /**
     * Starts JShell on its own thread, so the sockets answer while it starts. JShell takes the
     * standard streams it will not use (ProcLab's execution engine runs cells in this JVM, where
     * the kernel's {@code System.out} routes their output), so it may start before they are set.
     */
    public static CompletableFuture<JavaEvaluator> startEvaluator() {
        CompletableFuture<JavaEvaluator> ready = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                ready.complete(new JavaEvaluator(CELL_IMPORTS));
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "proclab-jshell-start");
        starter.setDaemon(true);
        starter.start();
        return ready;
    }

    /**
     * Daemon threads of the kernel's own thread group: an executor makes its thread when first used,
     * which may be on a cell's thread, and the thread would otherwise join that cell's group and be
     * counted and stopped with it. For the same reason it inherits no thread-locals: the cell that
     * virtual threads inherit would stay reachable for the kernel's life (decision 045).
     */
    private static ThreadFactory daemon(String name) {
        ThreadGroup kernelThreads = Thread.currentThread().getThreadGroup();
        return runnable -> {
            Thread thread = new Thread(kernelThreads, runnable, name, 0, false);
            thread.setDaemon(true);
            return thread;
        };
    }
}
