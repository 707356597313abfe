package org.proclab.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.proclab.kernel.jshell.JavaEvaluator;
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

    /** Serves the connection file and returns the exit status for the process. */
    public static int run(Path connectionFile) throws IOException, InterruptedException {
        PrintStream kernelLog = System.err;
        configureLogging();
        CompletableFuture<JavaEvaluator> evaluator = Kernel.startEvaluator();
        ConnectionInfo connection = ConnectionInfo.read(connectionFile);
        Kernel kernel = new Kernel(connection, kernelLog, evaluator);
        Signal.handle(new Signal("INT"), signal -> kernel.interrupt());
        kernel.start();
        sweepSharedMemoryLeftovers();
        exitWithParent(kernelLog);
        kernel.awaitShutdown();
        kernel.close();
        return 0;
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
