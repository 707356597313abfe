package org.proclab.magic;

import java.util.Set;
import org.proclab.engine.jshell.Evaluation;

/**
 * {@code %%spawn [-n N] [--name NAME] [--no-join] [--show-java]}: runs the body of the cell (Java
 * statements) in N new processes started together, joins them, and shows a summary of each: name,
 * pid, exit code, wall time, lines printed (and, in notebooks, the first lines each one printed). It writes ordinary Java with {@code Process} and runs
 * it; {@code --show-java} prints that Java first, the bridge from the helper to real code.
 */
final class SpawnMagic extends DescribedMagic {
    SpawnMagic() {
        super("spawn", true, "%%spawn [-n N] [--name NAME] [--no-join] [--show-java]   (the cell's body runs in each process)",
                "Runs the cell's body in N new processes started together, joins them and shows a summary "
                + "(name, pid, exit code, time, lines printed).");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        MagicArguments parsed = MagicArguments.parse(arguments, Set.of("-n", "--name"), Set.of("--no-join", "--show-java"));
        if (!parsed.positional().isEmpty()) {
            throw new MagicUsageException("unexpected " + parsed.positional());
        }
        if (body.isBlank()) {
            throw new MagicUsageException("the cell has no body to run");
        }
        int count = parsed.number("-n", 1, 1);
        String name = parsed.value("--name", null);
        if (name != null && !name.matches("[\\w.-]+")) {
            throw new MagicUsageException("--name takes letters, digits, '.', '-' and '_', not " + name);
        }
        String java = java(body, count, name, !parsed.has("--no-join"));
        if (parsed.has("--show-java")) {
            context.print("// the Java this cell runs:\n" + java + "\n");
        }
        return context.evaluate(java);
    }

    /**
     * The plain Java for the cell: the same a student would write with {@code Process}. Joined, it is
     * a block (its variables stay out of the notebook); with {@code --no-join} the processes are left
     * in a variable {@code spawned}, to join later.
     */
    static String java(String body, int count, String name, boolean join) {
        String naming = name == null ? ""
                : ", " + (count == 1 ? "\"" + name + "\"" : "\"" + name + "-\" + (i + 1)");
        String indent = join ? "    " : "";
        StringBuilder java = new StringBuilder(join ? "{\n" : "");
        java.append(indent).append("List<Process> spawned = new ArrayList<>();\n");
        java.append(indent).append("for (int i = 0; i < ").append(count).append("; i++) {\n");
        java.append(indent).append("    spawned.add(new Process(() -> {\n");
        body.strip().lines().forEach(line -> java.append(indent).append("        ").append(line).append('\n'));
        java.append(indent).append("    }").append(naming).append("));\n");
        java.append(indent).append("}\n");
        java.append(indent).append("for (Process process : spawned) {\n");
        java.append(indent).append("    process.start();\n");
        java.append(indent).append("}\n");
        if (join) {
            java.append(indent).append("for (Process process : spawned) {\n");
            java.append(indent).append("    process.join();\n");
            java.append(indent).append("}\n");
            java.append(indent).append("org.proclab.display.Display.display(org.proclab.magic.ProcessSummary.of(spawned));\n");
            java.append("}\n");
        }
        return java.toString();
    }
}
