package org.proclab.engine.exec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.DirectExecutionControl;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.StreamName;
import org.proclab.mp.spawn.UserClasses;

/**
 * JShell's execution engine inside the kernel JVM, made fit for a classroom.
 *
 * <p>Each snippet runs on a fresh thread of the running cell's {@link CellThreadGroup}, so the
 * threads it starts are known to belong to the cell. Classes are instrumented on load by
 * {@link SnippetInstrumenter}, which makes {@link #stop()} work on every JDK from 17 (no
 * {@code Thread.stop}) and turns {@code System.exit} into an error in the cell.
 *
 * <p>The value of a snippet is kept as the live object ({@link #lastValue()}) rather than
 * JShell's string, so the kernel can render it; exceptions are kept whole ({@link #lastFailure()})
 * so tracebacks can show causes and cell lines.
 *
 * <p>Threading: JShell calls this on the kernel's shell thread; {@link #stop()} is called from the
 * control thread.
 */
public final class ProcLabExecutionControl extends DirectExecutionControl {
    /** How long a stopped snippet may take to unwind before the kernel gives up waiting for it. */
    static final long STOP_GRACE_MILLIS = 800;

    private final ThreadGroup userThreads = new ThreadGroup("proclab-user-code");
    private final ThreadLimit threadLimit = ThreadLimit.ofThisProcess();
    private final CellThreadWatch threadWatch = new CellThreadWatch(userThreads, threadLimit.threads(),
            this::threadLimitReached);
    private final Map<String, byte[]> originalBytes = new ConcurrentHashMap<>();
    private volatile CellThreadGroup cell;
    private volatile CompletableFuture<Object> running;
    private volatile Thread snippetThread;
    private volatile Object lastValue;
    private volatile Throwable lastFailure;
    private volatile boolean stopped;
    private volatile String stopReason;
    private boolean userLoaderKnown;
    private final ThreadLocal<Object[]> capturedVariable = new ThreadLocal<>();

    static {
        startTheJdksDelayThread();
    }

    /** Creates the thread group of a new cell; later snippets run in it until the next call. */
    public CellThreadGroup beginCell(int executionCount, CellOutput output) {
        StopSignal.clear();
        stopped = false;
        stopReason = null;
        cell = new CellThreadGroup(userThreads, executionCount, output);
        return cell;
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] instrumented = new ClassBytecodes[classes.length];
        CellThreadGroup group = cell;
        for (int i = 0; i < classes.length; i++) {
            if (group != null) {
                SnippetLocations.recordClass(classes[i].name(), group.executionCount());
            }
            originalBytes.put(classes[i].name(), classes[i].bytecodes());
            instrumented[i] = new ClassBytecodes(classes[i].name(), SnippetInstrumenter.instrument(classes[i].bytecodes()));
        }
        super.load(instrumented);
        if (!userLoaderKnown && instrumented.length > 0) {
            shareUserClassLoader(instrumented[0].name());
        }
    }

    /** Tells the process library which loader has the cells' classes, for values that arrive from children. */
    private void shareUserClassLoader(String className) {
        try {
            UserClasses.use(findClass(className).getClassLoader());
            userLoaderKnown = true;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JShell did not define " + className, e);
        }
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        lastValue = null;
        lastFailure = null;
        try {
            lastValue = runInCell(() -> doit.invoke(null));
            return "";
        } catch (InvocationTargetException e) {
            lastFailure = e.getCause();
            if (e.getCause() instanceof CellStoppedError) {
                throw new StoppedException();
            }
            throw e;
        }
    }

    /**
     * Runs kernel-chosen work (such as {@code toString()} of a result) the way cell code runs: on a
     * thread of the cell, stoppable by the stop button.
     *
     * @throws InvocationTargetException wrapping what the work threw
     * @throws StoppedException when the user stopped it
     */
    public <T> T runInCell(Callable<T> work) throws InvocationTargetException, StoppedException {
        CellThreadGroup group = cell;
        if (group == null) {
            throw new IllegalStateException("no cell is running");
        }
        if (stopped) {
            throw new StoppedException();
        }
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(group, () -> {
            group.startsVirtualThreadsOfThisCell();
            try {
                outcome.complete(work.call());
            } catch (InvocationTargetException e) {
                outcome.completeExceptionally(e.getCause());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "cell-" + group.executionCount());
        running = outcome;
        snippetThread = thread;
        thread.start();
        threadWatch.threadStarted();
        try {
            @SuppressWarnings("unchecked")
            T value = (T) outcome.get();
            return value;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CellStoppedError) {
                throw new StoppedException();
            }
            throw new InvocationTargetException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        } finally {
            running = null;
            snippetThread = null;
        }
    }

    /**
     * The bytes of a class a cell defined, as JShell compiled it (without the kernel's stop checks
     * and exit guards), for child processes that need the class; null if no cell defined it.
     */
    public byte[] originalBytes(String className) {
        return originalBytes.get(className);
    }

    /**
     * The current values of a cell wrapper class's variables (JShell keeps each top-level variable
     * in a static field of its snippet's class), for a child that loads that class. Classes of
     * the user's own types are not wrappers and give none.
     */
    public Map<String, Object> variableValues(String className) {
        if (!SnippetLocations.isCellClass(className) || !SnippetLocations.userClassName(className).isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        try {
            for (java.lang.reflect.Field field : findClass(className).getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (java.lang.reflect.Modifier.isStatic(modifiers) && !java.lang.reflect.Modifier.isFinal(modifiers)
                        && !field.isSynthetic()) {
                    field.setAccessible(true);
                    values.put(field.getName(), field.get(null));
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            return Map.of();
        }
        return values;
    }

    /**
     * The object a variable holds, got by running {@code askJShell}, which must call JShell's
     * {@code varValue} for that variable: JShell alone knows which generated class keeps the
     * variable, and tells it to {@link #varValue} here, which then reads the field instead of
     * making a string (the value's {@code toString} is user code, not to be run on this thread).
     */
    public Object valueOfVariable(Runnable askJShell) {
        Object[] value = new Object[1];
        capturedVariable.set(value);
        try {
            askJShell.run();
        } finally {
            capturedVariable.remove();
        }
        return value[0];
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        Object[] capture = capturedVariable.get();
        if (capture == null) {
            return super.varValue(className, varName);
        }
        try {
            java.lang.reflect.Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            capture[0] = field.get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InternalException("cannot read variable " + varName + ": " + e);
        }
        return "";
    }

    /** The thread group of the cell that runs now (or ran last), or null before the first cell. */
    public CellThreadGroup currentCell() {
        return cell;
    }

    /** True when the last cell was stopped, by the user or by the kernel ({@link #stopReason()}). */
    public boolean wasStopped() {
        return stopped;
    }

    /**
     * Whether code a cell defined starts virtual threads (JDK 21 and later): a stop ends them at their
     * next loop turn or method call but cannot interrupt one that waits, and the user is told so.
     */
    public boolean cellsStartVirtualThreads() {
        return VirtualThreads.startedByCells();
    }

    /** Why the kernel stopped the last cell, or null when the user did (or nobody). */
    public String stopReason() {
        return stopReason;
    }

    /** The value the last snippet produced (null for statements and declarations without one). */
    public Object lastValue() {
        return lastValue;
    }

    /** The exception the last snippet threw, as thrown, or null. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /**
     * Stops the running cell: no further snippet of it starts; its thread group (and any common-pool
     * worker busy for it) is marked, so every thread of it, also one started after the stop, ends at
     * its next loop turn or method call; the snippet's thread is interrupted at once and the cell's
     * other threads right after, a batch at a time on a thread of their own ({@link BatchInterrupter}),
     * so that blocking calls end too. If the
     * snippet's thread has not unwound after a short grace period (stuck in native code), the kernel
     * stops waiting for it so that the next cell can run.
     */
    @Override
    public void stop() {
        stop(null);
    }

    /**
     * Stops the running cell as {@link #stop()} does, for a reason of the kernel's own (told to the
     * user instead of "Interrupted"); null means the user asked.
     */
    public void stop(String reason) {
        CellThreadGroup group = cell;
        if (group == null) {
            return;
        }
        if (!stopped) {
            stopReason = reason;
        }
        stopped = true;
        StopSignal.stop(group);
        for (Thread worker : commonPoolWorkers()) {
            StopSignal.stop(worker);
        }
        Thread snippet = snippetThread;
        if (snippet != null) {
            snippet.interrupt();
        }
        BatchInterrupter.start(group);
        CompletableFuture<Object> outcome = running;
        if (outcome != null) {
            CompletableFuture.delayedExecutor(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(() -> outcome.completeExceptionally(new CellStoppedError()));
        }
    }

    /**
     * The cells' threads reached the {@link ThreadLimit} and {@code group} has the most: the running
     * cell is stopped with an error that names the limit; an earlier cell's threads, still at work in
     * the background, are stopped and told so in that cell's output.
     */
    private void threadLimitReached(CellThreadGroup group) {
        if (group.isStopped()) {
            return;
        }
        if (group == cell && running != null) {
            stop(threadLimit.reason());
            return;
        }
        StopSignal.stop(group);
        BatchInterrupter.start(group);
        String reason = threadLimit.reason();
        group.output().writeText(StreamName.STDERR, reason.substring(reason.indexOf(": ") + 2) + "\n");
    }

    /** The workers of the JDK's shared common fork-join pool, which may be busy for the stopped cell. */
    private List<Thread> commonPoolWorkers() {
        ThreadGroup root = userThreads;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return CellThreadGroup.listed(root).stream().filter(CellThreadGroup::isCommonPoolWorker).toList();
    }

    /**
     * Makes the JDK's shared delay thread now, on the kernel's thread that sets up JShell: the thread
     * behind {@code CompletableFuture.delayedExecutor} and timeouts (the common pool's delay scheduler
     * from JDK 25), which {@link #stop} and a child's start-up timeout use. The JDK makes it when first
     * needed, in the group of whoever needs it: made by a cell, it would live on as that cell's thread
     * for the kernel's life, counted as the cell's, and keep a stop of that cell on for good.
     */
    private static void startTheJdksDelayThread() {
        CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS, Runnable::run).execute(() -> { });
    }

    /** The text JShell itself would show for a value: {@code "hi"}, {@code int[2] { 1, 2 }}, {@code 42}. */
    public static String describe(Object value) {
        return valueString(value);
    }
}
