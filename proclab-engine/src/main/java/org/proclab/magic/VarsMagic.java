package org.proclab.magic;

import java.util.ArrayList;
import java.util.List;
import org.proclab.display.Table;
import org.proclab.engine.exec.ProcLabExecutionControl;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.NotebookVariable;

/**
 * {@code %vars}: the notebook's variables with their types and short values, like IPython's
 * {@code %whos} and kotlin-jupyter's {@code :vars}; a table in notebooks, text elsewhere. A value is
 * written as JShell would show it, cut to {@value #MAX_VALUE_CHARS} characters; its {@code toString}
 * is the user's code, so it runs as cell code does (the stop button ends it).
 */
final class VarsMagic extends DescribedMagic {
    static final int MAX_VALUE_CHARS = 60;

    VarsMagic() {
        super("vars", false, "%vars",
                "Lists the notebook's variables: name, type and a short value (IPython's %whos).");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (!arguments.isBlank()) {
            throw new MagicUsageException("takes no arguments");
        }
        List<NotebookVariable> variables = context.variables();
        if (variables.isEmpty()) {
            context.print("No variables yet.\n");
            return new Evaluation.Completed(null);
        }
        List<List<String>> rows;
        try {
            rows = context.runStoppable(() -> rows(variables));
        } catch (InterruptedException e) {
            return Evaluation.Failed.of("Interrupted", "%vars was stopped before it had written every value");
        } catch (Exception e) {
            return Evaluation.Failed.of(e.getClass().getSimpleName(), "%vars could not write the values: " + e.getMessage());
        }
        context.display(Table.of(rows).toMimeBundle().data());
        return new Evaluation.Completed(null);
    }

    private static List<List<String>> rows(List<NotebookVariable> variables) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "type", "value"));
        for (NotebookVariable variable : variables) {
            rows.add(List.of(variable.name(), variable.type(), shortValue(variable.value())));
        }
        return rows;
    }

    /** The value as JShell writes it, on one line, cut with an ellipsis; a failing toString() is named. */
    static String shortValue(Object value) {
        String text;
        try {
            text = ProcLabExecutionControl.describe(value);
        } catch (RuntimeException e) {
            return "(toString() threw " + e.getClass().getSimpleName() + ")";
        }
        text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }
}
