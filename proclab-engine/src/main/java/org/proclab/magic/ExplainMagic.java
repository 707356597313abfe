package org.proclab.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.NotebookVariable;
import org.proclab.mp.LockSurvey;
import org.proclab.mp.Process;
import org.proclab.mp.spawn.ProcessEvents;
import org.proclab.render.Explanation;
import org.proclab.render.LockTable;

/**
 * {@code %explain on|off}: after every cell that started, ran or ended processes, a short panel says
 * in plain language what happened (see {@link org.proclab.render.Explanation}); when a cell ends
 * with processes or threads in a new deadlock, it says who holds and waits for what (as {@code %locks}
 * does), once. Off by default; the course turns it on. Whoever runs cells asks
 * {@link #explanationSince(long, Supplier)} after each cell.
 */
public final class ExplainMagic extends DescribedMagic {
    private volatile boolean on;
    /** The deadlocks told after an earlier cell and still there: told once, not after every cell. */
    private Set<String> toldDeadlocks = Set.of();

    public ExplainMagic() {
        super("explain", false, "%explain on|off",
                "After each cell that started or ended processes, explains in plain language what they did.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        switch (arguments) {
            case "on" -> on = true;
            case "off" -> on = false;
            default -> throw new MagicUsageException("say on or off");
        }
        context.print("Explanations are " + arguments + ".\n");
        return new Evaluation.Completed(null);
    }

    /** Whether explanations are wanted. */
    public boolean isOn() {
        return on;
    }

    /**
     * The explanation of the cell that started at {@code cellStartNanos}, as a MIME bundle; null
     * when explanations are off, or no process did anything during the cell and no new deadlock is there.
     *
     * @param variables the notebook's variables, which name the locks of a deadlock; asked only when explanations are
     *                  on and a thread waits for a lock
     */
    public Map<String, String> explanationSince(long cellStartNanos, Supplier<List<NotebookVariable>> variables) {
        if (!on) {
            return null;
        }
        List<String> sentences = new ArrayList<>(Explanation.sentences(ProcessEvents.since(cellStartNanos),
                cellStartNanos, Process.current().name(), Process.current().pid()));
        List<String> deadlocks = LockSurvey.anyoneWaitsForALock()
                ? LockTable.now(NotebookVariables.byName(variables.get())).deadlockSentences() : List.of();
        deadlocks.stream().filter(sentence -> !toldDeadlocks.contains(sentence)).forEach(sentences::add);
        toldDeadlocks = Set.copyOf(deadlocks);
        return Explanation.bundle(sentences);
    }
}
