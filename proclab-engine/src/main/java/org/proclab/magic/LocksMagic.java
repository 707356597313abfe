package org.proclab.magic;

import java.util.Map;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.render.LockTable;

/**
 * {@code %locks}: who holds and who waits for each {@code Lock}, {@code RLock}, {@code Semaphore}
 * and {@code Condition} of the session, in the kernel and in every process it started, and any
 * wait cycle named as a deadlock (see {@link org.proclab.mp.LockSurvey}). Objects are named after
 * the notebook variables that hold them. The survey runs as cell code does, so the stop button
 * ends it and it belongs to this cell.
 */
final class LocksMagic extends DescribedMagic {
    LocksMagic() {
        super("locks", false, "%locks [--all]",
                "Shows who holds and who waits for each Lock, RLock, Semaphore and Condition, in this kernel and "
                + "its processes, and names a wait cycle as a deadlock. Lists what is held, waited for or in a "
                + "variable; --all lists every one.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        String option = arguments.strip();
        if (!option.isEmpty() && !option.equals("--all")) {
            throw new MagicUsageException("the only option is --all");
        }
        Map<String, Object> variables = NotebookVariables.byName(context.variables());
        LockTable table;
        try {
            table = context.runStoppable(() -> LockTable.now(variables));
        } catch (InterruptedException e) {
            return Evaluation.Failed.of("Interrupted", "%locks was stopped before it had read every lock");
        } catch (Exception e) {
            return Evaluation.Failed.of(e.getClass().getSimpleName(), "%locks could not read the locks: " + e.getMessage());
        }
        context.display(table.bundle(!option.isEmpty()));
        return new Evaluation.Completed(null);
    }
}
