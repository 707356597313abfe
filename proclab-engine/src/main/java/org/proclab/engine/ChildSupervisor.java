package org.proclab.engine;

import java.util.List;
import java.util.Map;
import org.proclab.engine.exec.CapturedNames;
import org.proclab.engine.exec.CellThreadGroup;
import org.proclab.engine.exec.ProcLabExecutionControl;
import org.proclab.engine.exec.StackTraces;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.StreamName;
import org.proclab.mp.MpContext;
import org.proclab.mp.ProgressReporter;
import org.proclab.mp.shm.SharedMemoryDirectory;
import org.proclab.mp.spawn.ChildProcess;
import org.proclab.mp.spawn.ChildSettings;
import org.proclab.mp.spawn.ClassSource;
import org.proclab.mp.spawn.FailureText;
import org.proclab.mp.spawn.Reservoir;

/**
 * The cells' side of child processes, for the kernel and the terminal runner: children get the
 * classes cells defined, their errors are rendered like the cell's own, and whoever runs the cells
 * owns them — an interrupted cell's children are killed, a cell's daemon children end with it, and
 * nothing outlives the kernel.
 */
public final class ChildSupervisor {
    private final ProcLabExecutionControl control;

    /**
     * Configures the default context ({@link MpContext#defaultContext()}) so that child processes
     * load the classes that {@code control}'s cells define, and start with ProcLab's library alone
     * on their class path: the engine's and the front end's jars are of no use to a task (decision
     * 022); and so that pools report the progress of long maps to {@code progress}, the front end's
     * bars. Errors of children are worded as the cells' own are.
     */
    public ChildSupervisor(ProcLabExecutionControl control, ProgressReporter progress) {
        this.control = control;
        MpContext.defaultContext().configure(settings -> settings
                .withClassPath(List.of(ChildSettings.libraryLocation()))
                .withClassSource(cellsFirst(control, settings.classSource())));
        MpContext.defaultContext().reportProgressTo(progress);
        FailureText.traceRenderer(StackTraces::render);
        FailureText.capturedNames(CapturedNames::of);
    }

    /** The classes and variables of {@code control}'s cells, then those {@code classPath} finds. */
    private static ClassSource cellsFirst(ProcLabExecutionControl control, ClassSource classPath) {
        return new ClassSource() {
            @Override
            public byte[] bytesOf(String name) {
                byte[] cellClass = control.originalBytes(name);
                return cellClass != null ? cellClass : classPath.bytesOf(name);
            }

            @Override
            public Map<String, Object> staticValuesOf(String name) {
                return control.variableValues(name);
            }
        };
    }

    /** After an interrupt: the children of the stopped cell are killed, the workers of pools it created too. */
    public void cellInterrupted() {
        CellThreadGroup cell = control.currentCell();
        for (ChildProcess child : ChildProcess.live()) {
            if (within(child.interruptedWith(), cell)) {
                child.kill();
            }
        }
    }

    /**
     * When a cell ends: its daemon children are terminated, and a note names the other children
     * that are still running (their output keeps arriving in that cell).
     */
    public void cellFinished(CellOutput output) {
        CellThreadGroup cell = control.currentCell();
        for (ChildProcess child : ChildProcess.live()) {
            if (!within(child.owner(), cell)) {
                continue;
            }
            if (child.isDaemon()) {
                child.terminate();
            } else {
                output.writeText(StreamName.STDERR, "Note: " + child.name() + " (pid " + child.pid()
                        + ") is still running after the cell ended; its output will keep appearing here."
                        + " Call join() to wait for it, or terminate() to end it.\n");
            }
        }
    }

    /**
     * When a session ends and its JVM may go on to another ({@code proclab check} runs one per notebook):
     * every child is killed, waiting ones in the reservoir too. The session's shared memory stays, as the
     * next session's processes need it (the ledger of live children is kept there); it goes when the JVM
     * exits.
     */
    public void killAll() {
        Reservoir.drainAll();
        ChildProcess.live().forEach(ChildProcess::kill);
    }

    /**
     * When the session ends: every child is killed ({@link #killAll}) and pools no longer report to
     * the session's front end, whose output may be gone.
     */
    public void close() {
        killAll();
        MpContext.defaultContext().reportProgressTo(ProgressReporter.NONE);
    }

    /** At shutdown: every child is killed, waiting ones in the reservoir too, and the shared memory is removed. */
    public void killAllAndRemoveSharedMemory() {
        killAll();
        SharedMemoryDirectory.session().deleteIfOwned();
    }

    private static boolean within(ThreadGroup start, CellThreadGroup cell) {
        for (ThreadGroup group = start; group != null; group = group.getParent()) {
            if (group == cell) {
                return true;
            }
        }
        return false;
    }
}
