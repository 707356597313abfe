package org.proclab.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.proclab.engine.classpath.UserClassPath;
import org.proclab.engine.jshell.CellError;
import org.proclab.engine.jshell.CellJava;
import org.proclab.engine.jshell.Evaluation;
import org.proclab.engine.jshell.NotebookVariable;

/**
 * Runs a cell that may use magics: its parts in order, Java through the evaluator, magics through
 * the registry. The first failure ends the cell, as in a plain Java cell. A cell without magics goes
 * straight to the evaluator. {@code %name?} (or {@code %%name?}) explains a magic, as in IPython.
 */
public final class MagicRunner {
    private final MagicRegistry registry;
    private final Supplier<UserClassPath> classPath;

    /**
     * @param classPath the class path of the cells, which {@code %classpath} and {@code %maven} add
     *     to; asked for only when a magic uses it
     */
    public MagicRunner(MagicRegistry registry, Supplier<UserClassPath> classPath) {
        this.registry = registry;
        this.classPath = classPath;
    }

    /** The registry this runner looks magics up in. */
    public MagicRegistry registry() {
        return registry;
    }

    /**
     * Runs the cell.
     *
     * @param java runs Java code, and magics' slow work, as part of this cell
     * @param output the cell's text and rich output
     */
    public Evaluation run(String cell, CellJava java, MagicOutput output) {
        CellSegments parsed = CellSegments.parse(cell);
        if (!parsed.hasMagics()) {
            return java.evaluate(cell);
        }
        MagicContext context = new MagicContext() {
            @Override
            public Evaluation evaluate(String javaCode) {
                return java.evaluate(javaCode);
            }

            @Override
            public List<NotebookVariable> variables() {
                return java.variables();
            }

            @Override
            public <T> T runStoppable(Callable<T> work) throws Exception {
                return java.runStoppable(work);
            }

            @Override
            public void print(String text) {
                output.print(text);
            }

            @Override
            public void display(Map<String, String> bundle) {
                output.display(bundle);
            }

            @Override
            public MagicRegistry registry() {
                return registry;
            }

            @Override
            public boolean addToClassPath(Path entry) {
                return classPath.get().add(entry);
            }

            @Override
            public List<Path> addedClassPath() {
                return classPath.get().entries();
            }
        };
        Map<String, String> shown = null;
        for (CellSegments.Segment segment : parsed.segments()) {
            Evaluation outcome;
            if (segment instanceof CellSegments.Java javaSegment) {
                outcome = java.evaluate(javaSegment.code());
            } else if (segment instanceof CellSegments.LineMagicCall call) {
                outcome = runMagic(call.name(), false, call.arguments(), "", context);
            } else {
                CellSegments.CellMagicCall call = (CellSegments.CellMagicCall) segment;
                outcome = runMagic(call.name(), true, call.arguments(), call.body(), context);
            }
            if (outcome instanceof Evaluation.Failed failed) {
                return failed;
            }
            shown = ((Evaluation.Completed) outcome).bundle();
        }
        return Evaluation.Completed.of(shown);
    }

    private Evaluation runMagic(String name, boolean cellMagic, String arguments, String body, MagicContext context) {
        String spelled = (cellMagic ? "%%" : "%") + name;
        if (name.endsWith("?")) {
            return runMagic("help", false, spelled.substring(0, spelled.length() - 1), "", context);
        }
        Optional<Magic> magic = registry.find(name, cellMagic);
        if (magic.isEmpty()) {
            String hint = registry.suggestionFor(name, cellMagic).map(s -> " Did you mean " + s + "?").orElse("");
            return failure("UnknownMagic", "there is no magic " + spelled + "." + hint,
                    "%lsmagic lists the magics; %help NAME explains one.");
        }
        try {
            return magic.get().run(arguments, body, context);
        } catch (MagicUsageException e) {
            return failure("MagicUsageError", spelled + ": " + e.getMessage(), "usage: " + magic.get().usage());
        }
    }

    private static Evaluation failure(String name, String message, String hint) {
        return new Evaluation.Failed(new CellError(name, message, List.of(name + ": " + message, hint)));
    }
}
