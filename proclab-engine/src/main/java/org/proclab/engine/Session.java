package org.proclab.engine;

import java.util.Map;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.OutputRouter;
import org.proclab.engine.io.StreamName;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.JavaEvaluator;
import org.proclab.magic.CellClock;
import org.proclab.magic.ExplainMagic;
import org.proclab.magic.MagicOutput;
import org.proclab.magic.MagicRegistry;
import org.proclab.magic.MagicRunner;
import org.proclab.mp.ProgressReporter;

/**
 * A notebook's session: the JShell evaluator, the magics, the child processes its cells start, and
 * the life of one cell, written once for every front end. The Jupyter kernel and the terminal
 * runner ({@code proclab run}/{@code check}) each make a {@link CellOutput} for the cell, call
 * {@link #run} and show the {@link Evaluation} their own way.
 *
 * <p>A cell's life: its output is routed to it (the output of every thread it starts, too), the
 * cell clock starts ({@code %time}, {@code %explain}), the code runs as magics or Java, the
 * processes it started and left are dealt with ({@link ChildSupervisor#cellFinished}), the output
 * is flushed, and the explanation, if {@code %explain on}, follows as a display.
 *
 * <p>One cell runs at a time; {@link #interrupt} may be called from any thread.
 */
public final class Session implements AutoCloseable {
    /** What a front end does while a cell owns the output, such as opening and closing its input box. */
    public interface CellHooks {
        CellHooks NONE = new CellHooks() {
        };

        /** Called once the cell's output is routed, before its code runs. */
        default void started() {
        }

        /** Called when the code has run, before the output is flushed for the last time. */
        default void finished() {
        }
    }

    private final JavaEvaluator evaluator;
    private final OutputRouter router;
    private final ChildSupervisor children;
    private final ExplainMagic explain = new ExplainMagic();
    private final MagicRegistry magics = MagicRegistry.standard();
    private final MagicRunner magicRunner;
    private volatile boolean cellRunning;

    /**
     * A session over a started evaluator, whose cells' output {@code router} (installed as
     * {@code System.out} and {@code System.err}) sends to the running cell, and whose pools show
     * the progress of long maps through {@code progress} (the front end's bars; it is the default
     * context's reporter while the session is open, see {@link ChildSupervisor}).
     */
    public Session(JavaEvaluator evaluator, OutputRouter router, ProgressReporter progress) {
        this.evaluator = evaluator;
        this.router = router;
        this.children = new ChildSupervisor(evaluator.control(), progress);
        magics.add(explain);
        this.magicRunner = new MagicRunner(magics, evaluator::classPath);
    }

    /** Runs one cell to its end and says how it went; its output goes to {@code output} as it comes. */
    public Evaluation run(String code, int executionCount, CellOutput output, CellHooks hooks) {
        router.cellStarted(output);
        long cellStart = System.nanoTime();
        CellClock.cellStarted();
        cellRunning = true;
        Evaluation evaluation;
        try {
            hooks.started();
            evaluation = magicRunner.run(code, evaluator.forCell(executionCount, output), magicOutput(output));
            children.cellFinished(output);
        } finally {
            cellRunning = false;
            hooks.finished();
            output.finish();
            router.cellFinished();
        }
        Map<String, String> explanation = explain.explanationSince(cellStart, evaluator::variables);
        if (explanation != null) {
            output.display(explanation, null, false);
        }
        return evaluation;
    }

    /**
     * Stops the running cell and kills the processes it started (the stop button, Ctrl+C, a guard).
     *
     * @param reason "NAME: text" to tell the user instead of "Interrupted"; null for the user's own stop
     */
    public void interrupt(String reason) {
        evaluator.stopBecause(reason);
        children.cellInterrupted();
    }

    /** Whether a cell is running now. */
    public boolean isCellRunning() {
        return cellRunning;
    }

    /** The magics cells can use, for completion and inspection. */
    public MagicRegistry magics() {
        return magics;
    }

    /** The evaluator, for completion, inspection and the variables of the session. */
    public JavaEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Ends every child process of the session and removes the shared memory, for a JVM about to end
     * (the kernel's shutdown, Ctrl+C in a terminal).
     */
    public void killChildren() {
        children.killAllAndRemoveSharedMemory();
    }

    /**
     * Ends the child processes, stops reporting pools' progress to the front end and closes the
     * shell. The shared memory stays for a next session in this JVM ({@code proclab check} runs one
     * per notebook) and goes when the JVM exits.
     */
    @Override
    public void close() {
        children.close();
        evaluator.close();
    }

    /** Where magics write: text to the cell's stdout, MIME bundles as displays after the text so far. */
    private static MagicOutput magicOutput(CellOutput output) {
        return MagicOutput.of(text -> output.writeText(StreamName.STDOUT, text),
                bundle -> output.display(bundle, null, false));
    }
}
