package org.proclab.engine.exec;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link ProcLabExecutionControl} of this kernel. */
public final class ProcLabExecutionProvider implements ExecutionControlProvider {
    private final ProcLabExecutionControl control;

    public ProcLabExecutionProvider(ProcLabExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "proclab";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
