package org.proclab.engine.jshell;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl.StoppedException;
import org.proclab.engine.classpath.UserClassPath;
import org.proclab.engine.exec.ProcLabExecutionControl;
import org.proclab.engine.exec.ProcLabExecutionProvider;
import org.proclab.engine.exec.SnippetLocations;
import org.proclab.engine.io.CellOutput;
import org.proclab.engine.io.StreamName;
import org.proclab.mp.MpContext;

/**
 * Runs cells with JShell inside the kernel JVM. State (variables, methods, classes, imports) lives
 * across cells and redefinition works as in {@code jshell}.
 *
 * <p>A cell is cut into snippets and run one by one; the first compile error or exception ends
 * the cell. The value of a final expression is returned as a MIME bundle for {@code execute_result}
 * (see {@link ValueBundle});
 * declarations and statements show nothing unless they print.
 *
 * <p>Threading: {@link #evaluate} is called by one thread at a time (the shell thread);
 * {@link #interrupt()} may be called from any thread while it runs.
 */
public final class JavaEvaluator implements AutoCloseable {

    private final ProcLabExecutionControl control = new ProcLabExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final UserClassPath classPath;

    /** A shell whose cells see ProcLab's library and the display API ({@link CellImports#standard()}). */
    public JavaEvaluator() {
        this(CellImports.standard());
    }

    /**
     * Starts JShell and runs the imports; takes about a second, so call it early. Cells are
     * compiled with {@code -g}, so errors can name the local variables a task captured.
     */
    public JavaEvaluator(CellImports imports) {
        shell = imports.compilingLikeCells(JShell.builder().executionEngine(new ProcLabExecutionProvider(control), null));
        for (String importName : imports.imports()) {
            shell.eval("import " + importName + ";");
        }
        classPath = new UserClassPath(shell::addToClasspath,
                entry -> MpContext.defaultContext().configure(settings -> settings.withClassPathEntry(entry)));
        analysis = shell.sourceCodeAnalysis();
    }

    /** The execution engine, which knows the bytes of every class cells defined and the running cell. */
    public ProcLabExecutionControl control() {
        return control;
    }

    /**
     * What {@code %classpath} and {@code %maven} added: entries go to this shell (cells compile and
     * run against them) and to every child JVM started afterwards.
     */
    public UserClassPath classPath() {
        return classPath;
    }

    /** The source analysis of the shell, for completion and inspection. */
    public SourceCodeAnalysis analysis() {
        return analysis;
    }

    /** The shell, for completion and inspection. */
    JShell shell() {
        return shell;
    }

    /**
     * Runs one cell; what it prints goes to {@code output}. A heap that fills up while JShell
     * compiles the cell (the notebook's variables hold the rest) fails the cell, not the kernel.
     */
    public Evaluation evaluate(String code, int executionCount, CellOutput output) {
        control.beginCell(executionCount, output);
        List<DeclarationSnippet> unresolved = new ArrayList<>();
        try {
            return evaluatePieces(code, executionCount, output, unresolved);
        } catch (OutOfMemoryError compilerRanOut) {
            return new Evaluation.Failed(ErrorReports.kernelOutOfMemory(executionCount));
        } finally {
            warnIfStillUnresolved(unresolved, output);
        }
    }

    private Evaluation evaluatePieces(String code, int executionCount, CellOutput output,
                                      List<DeclarationSnippet> unresolved) {
        Map<String, String> shown = null;
        List<CellPiece> pieces = CellPiece.split(analysis, code);
        for (int index = 0; index < pieces.size(); index++) {
            CellPiece piece = pieces.get(index);
            if (control.wasStopped()) {
                return stopped(executionCount);
            }
            if (!piece.completeness().isComplete()
                    && piece.completeness() != SourceCodeAnalysis.Completeness.UNKNOWN) {
                return new Evaluation.Failed(ErrorReports.incomplete(executionCount, piece));
            }
            OptionalInt tooLong = StringConstantLimit.firstTooLong(piece.source());
            if (tooLong.isPresent()) {
                return new Evaluation.Failed(ErrorReports.compileError(executionCount, piece, tooLong.getAsInt(),
                        "constant string too long: a string literal may hold at most " + StringConstantLimit.MAX_BYTES
                                + " bytes; build a long text at run time, e.g. with \"ab\".repeat(40_000)"));
            }
            if (index == pieces.size() - 1) {
                Evaluation declared = showByDeclaring(piece, executionCount);
                if (declared != null) {
                    return declared;
                }
            }
            SnippetEvent main = evaluateSnippet(piece.source(), piece, executionCount);
            if (control.wasStopped()) {
                return stopped(executionCount);
            }
            if (main == null) {
                continue;
            }
            Evaluation.Failed failure = failureOf(main, piece, executionCount);
            if (failure != null) {
                return failure;
            }
            if (main.snippet() instanceof DeclarationSnippet declaration
                    && main.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                unresolved.add(declaration);
            }
            shown = null;
            if (showsValue(main.snippet())) {
                Evaluation value = showLastValue(executionCount);
                dropTemporaryVariable(main.snippet());
                if (value instanceof Evaluation.Failed failed) {
                    return failed;
                }
                shown = ((Evaluation.Completed) value).bundle();
            }
        }
        return Evaluation.Completed.of(shown);
    }

    /** Evaluates one snippet, notes where its code came from, and returns the event of the snippet itself. */
    private SnippetEvent evaluateSnippet(String source, CellPiece piece, int executionCount) {
        SnippetEvent main = null;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() == null) {
                SnippetLocations.recordSnippet(event.snippet().id(), executionCount, piece.firstLine());
                if (main == null) {
                    main = event;
                }
            }
        }
        return main;
    }

    /**
     * Runs a final expression as the declaration {@link FinalExpression} makes of it and returns
     * the cell's outcome, or null when that does not apply or does not compile: then nothing ran,
     * and the piece is evaluated the usual way. A stop while it ran ends the cell, never a rerun.
     */
    private Evaluation showByDeclaring(CellPiece piece, int executionCount) {
        String variable = FinalExpression.VARIABLE_PREFIX + executionCount;
        String declaration = FinalExpression.declarationFor(piece, variable);
        if (declaration == null || shell.variables().anyMatch(existing -> existing.name().equals(variable))) {
            return null;
        }
        SnippetEvent main = evaluateSnippet(declaration, piece, executionCount);
        if (main == null) {
            return null;
        }
        try {
            if (control.wasStopped()) {
                return stopped(executionCount);
            }
            if (main.status() != Snippet.Status.VALID) {
                return null;
            }
            Evaluation.Failed failure = failureOf(main, piece, executionCount);
            return failure != null ? failure : showLastValue(executionCount);
        } finally {
            if (shell.status(main.snippet()).isActive()) {
                shell.drop(main.snippet());
            }
        }
    }

    /** The last snippet's value as a MIME bundle, made on a thread of the cell (its toString() is user code). */
    private Evaluation showLastValue(int executionCount) {
        Object value = control.lastValue();
        try {
            return Evaluation.Completed.of(control.runInCell(() -> ValueBundle.of(value)));
        } catch (InvocationTargetException e) {
            return new Evaluation.Failed(ErrorReports.exception(e.getCause(), e.getCause()));
        } catch (StoppedException e) {
            return stopped(executionCount);
        }
    }

    /** Cell {@code executionCount}'s Java, for the magics in it; what it prints goes to {@code output}. */
    public CellJava forCell(int executionCount, CellOutput output) {
        return new CellJava() {
            @Override
            public Evaluation evaluate(String code) {
                return JavaEvaluator.this.evaluate(code, executionCount, output);
            }

            @Override
            public List<NotebookVariable> variables() {
                return JavaEvaluator.this.variables();
            }

            @Override
            public <T> T runStoppable(Callable<T> work) throws Exception {
                control.beginCell(executionCount, output);
                try {
                    return control.runInCell(work);
                } catch (InvocationTargetException e) {
                    if (control.wasStopped()) {
                        throw stopped();
                    }
                    if (e.getCause() instanceof Exception failure) {
                        throw failure;
                    }
                    throw (Error) e.getCause();
                } catch (StoppedException e) {
                    throw stopped();
                }
            }

            /** The stop, also when the work noticed it and failed (an interrupted download). */
            private InterruptedException stopped() {
                return new InterruptedException("cell [" + executionCount + "] was stopped");
            }
        };
    }

    /**
     * The notebook's variables in use now, with their values as objects: those of every active
     * variable snippet, except JShell's and the kernel's hidden ones (names starting with {@code $}).
     * Call it on the shell thread, between snippets.
     */
    public List<NotebookVariable> variables() {
        return shell.variables()
                .filter(variable -> shell.status(variable) == Snippet.Status.VALID && !variable.name().startsWith("$"))
                .map(variable -> new NotebookVariable(variable.name(), variable.typeName(),
                        control.valueOfVariable(() -> shell.varValue(variable))))
                .toList();
    }

    /** Stops the running cell and the threads it started. */
    public void interrupt() {
        control.stop();
    }

    /**
     * Stops the running cell as {@link #interrupt()} does, and tells the user {@code reason} ("NAME:
     * text") instead of "Interrupted"; null is the user's own stop.
     */
    public void stopBecause(String reason) {
        control.stop(reason);
    }

    private Evaluation.Failed stopped(int executionCount) {
        String reason = control.stopReason();
        boolean virtualThreads = control.cellsStartVirtualThreads();
        return new Evaluation.Failed(reason == null ? ErrorReports.interrupted(executionCount, virtualThreads)
                : ErrorReports.stoppedByKernel(executionCount, reason, virtualThreads));
    }

    @Override
    public void close() {
        shell.close();
    }

    private Evaluation.Failed failureOf(SnippetEvent event, CellPiece piece, int executionCount) {
        if (event.status() == Snippet.Status.REJECTED || keptDespiteErrors(event)) {
            List<Diag> errors = shell.diagnostics(event.snippet()).collect(Collectors.toList());
            if (event.status() != Snippet.Status.REJECTED) {
                shell.drop(event.snippet());
            }
            return new Evaluation.Failed(ErrorReports.compileErrors(executionCount, piece, errors));
        }
        JShellException exception = event.exception();
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet declaration = unresolved.getSnippet();
            return new Evaluation.Failed(ErrorReports.unresolved(describe(declaration),
                    shell.unresolvedDependencies(declaration).collect(Collectors.toList())));
        }
        if (exception instanceof EvalException translated) {
            return new Evaluation.Failed(ErrorReports.exception(translated, control.lastFailure()));
        }
        return null;
    }

    /**
     * Whether JShell kept a snippet as "recoverable" although it has errors that no later
     * declaration can fix, such as javac's {@code constant string too long} or {@code code too
     * large}, which appear only when the class is generated. Kept, such a snippet is compiled again
     * with every later one and breaks them all (JShell's own tool shows the error on every cell).
     */
    private boolean keptDespiteErrors(SnippetEvent event) {
        boolean recoverable = event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        return recoverable && shell.diagnostics(event.snippet()).anyMatch(Diag::isError);
    }

    /**
     * Says so when a declaration was accepted but cannot run yet, as {@code jshell} does; only for
     * what is still missing when the cell ends, so a method that calls one declared below it in the
     * same cell gets no note.
     */
    private void warnIfStillUnresolved(List<DeclarationSnippet> declarations, CellOutput output) {
        for (DeclarationSnippet declaration : declarations) {
            if (shell.status(declaration) == Snippet.Status.RECOVERABLE_DEFINED) {
                List<String> missing = shell.unresolvedDependencies(declaration).collect(Collectors.toList());
                output.writeText(StreamName.STDERR, "Note: " + describe(declaration)
                        + " was defined, but it cannot be used until " + String.join(", ", missing) + " is declared.\n");
            }
        }
    }

    private static String describe(DeclarationSnippet declaration) {
        String kind = switch (declaration.kind()) {
            case METHOD -> "method";
            case TYPE_DECL -> "class";
            case VAR -> "variable";
            default -> "declaration";
        };
        return kind + " " + declaration.name();
    }

    /**
     * Forgets the hidden variable ({@code $1}, {@code $2}, ...) JShell keeps for an expression's
     * value once the value is shown. Every kept one adds an import to the compilation of every later
     * cell: measured, a trivial cell slows from 33 ms to 77 ms over a thousand cells. Notebook users
     * do not see or use these names.
     */
    private void dropTemporaryVariable(Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            shell.drop(snippet);
        }
    }

    private static boolean showsValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND -> true;
            default -> false;
        };
    }
}
