package org.proclab.magic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.proclab.engine.jshell.NotebookVariable;

/** The notebook's variables as a map from name to value, in declaration order, for naming what they hold. */
final class NotebookVariables {
    private NotebookVariables() {
    }

    static Map<String, Object> byName(List<NotebookVariable> variables) {
        Map<String, Object> byName = new LinkedHashMap<>();
        variables.forEach(variable -> byName.put(variable.name(), variable.value()));
        return byName;
    }
}
