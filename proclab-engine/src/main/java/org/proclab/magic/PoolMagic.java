package org.proclab.magic;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.proclab.engine.jshell.Evaluation;

/**
 * {@code %%pool N --over EXPR [--chunksize K] [--show-java]}: computes the cell's body for each item
 * {@code x} of EXPR (an Iterable, or a range such as {@code 1..10}) on a Pool of N workers. The
 * cell's value is the list of results in input order; before it, a per-worker breakdown says which
 * worker computed which items. The body is an expression of {@code x} (a single one may end in
 * {@code ;}), or statements that {@code return} a value.
 */
final class PoolMagic extends DescribedMagic {
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)");
    /**
     * {@code --over} takes a Java expression, spaces included, up to the next word that looks like an
     * option, so that a misspelt option after the items is reported as unknown, not compiled as Java.
     */
    private static final Pattern OVER = Pattern.compile("--over\\s+(.+?)(?=\\s+--[A-Za-z]|$)");
    private static final Pattern RETURN = Pattern.compile("\\breturn\\b");
    /** A variable's declaration, {@code int y = ...}: a statement, never the body's expression. */
    private static final Pattern DECLARATION = Pattern.compile("^(?:final\\s+)?[\\w.$]+(?:<[^=]*>)?(?:\\[])*\\s+[\\w$]+\\s*=(?!=)");

    PoolMagic() {
        super("pool", true, "%%pool N --over ITEMS [--chunksize K] [--show-java]   (ITEMS: an Iterable or a range like 1..10;"
                + " the body computes a result from x)",
                "Maps the cell's body over the items on a Pool of N workers; shows the results in order and which "
                + "worker computed which items.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        Matcher overOption = OVER.matcher(arguments);
        String over = overOption.find() ? overOption.group(1).strip() : null;
        String rest = over == null ? arguments : arguments.substring(0, overOption.start()) + arguments.substring(overOption.end());
        // an --over still in the rest has no items after it
        MagicArguments parsed = MagicArguments.parse(rest, Set.of("--chunksize", "--over"), Set.of("--show-java"));
        String workers = parsed.positional();
        if (!workers.matches("\\d{1,9}") || Integer.parseInt(workers) < 1) {
            throw new MagicUsageException("say how many workers, e.g. %%pool 4 --over 1..10");
        }
        if (over == null) {
            throw new MagicUsageException("--over is missing: the items to compute the body for");
        }
        if (body.isBlank()) {
            throw new MagicUsageException("the cell has no body: an expression of x, e.g. x * x");
        }
        if (isStatements(body) && !RETURN.matcher(body).find()) {
            throw new MagicUsageException("the body's statements return no value: end them with return and the"
                    + " result, e.g. return y * y; (or make the body one expression of x, e.g. x * x)");
        }
        int chunksize = parsed.number("--chunksize", 0, 1);
        String java = java(body, Integer.parseInt(workers), items(over), chunksize);
        if (parsed.has("--show-java")) {
            context.print("// the Java this cell runs:\n" + java + "\n");
        }
        return context.evaluate(java);
    }

    /** The items as Java: a range {@code a..b} becomes the list of the numbers a to b. */
    static String items(String over) {
        Matcher range = RANGE.matcher(over.strip());
        if (range.matches()) {
            return "IntStream.rangeClosed(" + range.group(1) + ", " + range.group(2) + ").boxed().toList()";
        }
        return over.strip();
    }

    /**
     * The plain Java for the cell: a Pool, a map that also records each item's worker, the breakdown,
     * and the results as the cell's value. The records stay in the notebook variable {@code pooled}.
     */
    static String java(String body, int workers, String items, int chunksize) {
        String trimmed = body.strip();
        String function = isStatements(trimmed) ? "{\n" + indent(trimmed, "        ") + "    }" : "(" + expression(trimmed) + ")";
        return "List<org.proclab.magic.WorkerResult> pooled;\n"
                + "try (var pool = new Pool(" + workers + ")) {\n"
                + "    pooled = pool.map(x -> org.proclab.magic.WorkerResult.of(x, () -> " + function + "),\n"
                + "            " + items + (chunksize > 0 ? ", " + chunksize : "") + ");\n"
                + "}\n"
                + "org.proclab.magic.WorkerResult.printBreakdown(pooled);\n"
                + "org.proclab.magic.WorkerResult.valuesOf(pooled)\n";
    }

    /**
     * Whether the body is statements rather than one expression: it has a semicolon other than one
     * ending a single expression ({@code x * x;} is the expression {@code x * x}).
     */
    private static boolean isStatements(String body) {
        return expression(body.strip()).contains(";");
    }

    /** The body without the semicolon that may end a single expression. */
    private static String expression(String trimmed) {
        boolean oneStatement = trimmed.indexOf(';') == trimmed.length() - 1 && !trimmed.contains("{")
                && !RETURN.matcher(trimmed).find() && !DECLARATION.matcher(trimmed).find();
        return oneStatement ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    }

    private static String indent(String text, String prefix) {
        StringBuilder indented = new StringBuilder();
        text.lines().forEach(line -> indented.append(prefix).append(line).append('\n'));
        return indented.toString();
    }
}
