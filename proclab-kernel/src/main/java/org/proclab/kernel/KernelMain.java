package org.proclab.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.proclab.engine.jshell.JavaEvaluator;
import org.proclab.kernel.wire.ConnectionInfo;
import org.proclab.mp.shm.SharedMemoryDirectory;
import sun.misc.Signal;

/**
 * Runs the kernel for one connection file until Jupyter shuts it down.
 *
 * <p>SIGINT is taken over so that Jupyter's signal-mode interrupt stops the running cell instead
 * of ending the JVM.
 */
public final class KernelMain {
    private KernelMain() {
    }

    /** How long closing the kernel and exiting the JVM may take after a shutdown request. */
    private static final long EXIT_GRACE_MILLIS = 5_000;

    /**
     * Runs the kernel for the connection file named first, as {@code org.proclab.Main kernel FILE}
     * does; for starting the kernel from this module's classes alone (its tests do).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: java org.proclab.kernel.KernelMain CONNECTION_FILE");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), true));
    }

    /**
     * Serves the connection file and returns the exit status for the process.
     *
     * @param haltIfExitHangs whether to halt the JVM, with the stacks of its threads in the log, if
     *                        it has not exited {@value #EXIT_GRACE_MILLIS} ms after the shutdown
     *                        request: a kernel that was told to end must end, whatever holds it up.
     *                        Off where the JVM has slow work of its own to do at exit (writing a
     *                        class archive).
     */
    public static int run(Path connectionFile, boolean haltIfExitHangs) throws IOException, InterruptedException {
        PrintStream kernelLog = System.err;
        EssentialThreadDeath threadDeaths = new EssentialThreadDeath(kernelLog);
        Thread.setDefaultUncaughtExceptionHandler(threadDeaths);
        configureLogging();
        CompletableFuture<JavaEvaluator> evaluator = Kernel.startEvaluator();
        ConnectionInfo connection = ConnectionInfo.read(connectionFile);
        Kernel kernel = new Kernel(connection, kernelLog, evaluator);
        Signal.handle(new Signal("INT"), signal -> kernel.interrupt());
        kernel.start();
        sweepSharedMemoryLeftovers();
        exitWithParent(kernelLog);
        kernel.awaitShutdown();
        threadDeaths.shuttingDown();
        if (haltIfExitHangs) {
            haltAfterGrace(kernelLog);
        }
        kernel.close();
        return 0;
    }

    /** Starts a daemon thread that halts the JVM if it is still running after the grace period. */
    private static void haltAfterGrace(PrintStream kernelLog) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            kernelLog.println("[ProcLab] the kernel had not exited " + EXIT_GRACE_MILLIS / 1000
                    + " s after the shutdown request; halting it. Its threads were:");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                kernelLog.println("  " + thread + " " + thread.getState());
                for (StackTraceElement frame : stack) {
                    kernelLog.println("      at " + frame);
                }
            });
            kernelLog.flush();
            Runtime.getRuntime().halt(0);
        }, "proclab-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Removes the shared memory of kernels that were killed (kill -9), in the background. */
    private static void sweepSharedMemoryLeftovers() {
        Thread sweeper = new Thread(SharedMemoryDirectory::sweepLeftovers, "proclab-shm-sweep");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /**
     * Ends the kernel when the process that started it (the Jupyter server) is gone, however it
     * ended: a kernel must not outlive its front end.
     */
    private static void exitWithParent(PrintStream kernelLog) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            kernelLog.println("[ProcLab] the process that started the kernel (pid " + parent.pid() + ") ended; exiting");
            SharedMemoryDirectory.session().deleteIfOwned();
            Runtime.getRuntime().halt(1);
        }));
    }

    /**
     * One-line log records on the JVM's original stderr. The root handlers are created here, before
     * the kernel replaces {@code System.err}, because the console handler keeps the stream it finds
     * when it is created; created later, kernel logs would land in cells.
     */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "[ProcLab %4$s] %5$s%6$s%n");
        }
        java.util.logging.Logger.getLogger("").getHandlers();
    }
}
