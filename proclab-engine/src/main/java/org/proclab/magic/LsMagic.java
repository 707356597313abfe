package org.proclab.magic;

import java.util.stream.Collectors;
import org.proclab.engine.jshell.Evaluation;

/** {@code %lsmagic}: lists every magic, line magics and cell magics. */
final class LsMagic extends DescribedMagic {
    LsMagic() {
        super("lsmagic", false, "%lsmagic",
                "Lists the line magics (%name, on a line of their own) and cell magics (%%name, on a cell's first line).");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (!arguments.isBlank()) {
            throw new MagicUsageException("takes no arguments");
        }
        context.print("Line magics: " + names(context, false) + "\n");
        context.print("Cell magics: " + names(context, true) + "\n");
        context.print("%help NAME explains one of them.\n");
        return new Evaluation.Completed(null);
    }

    private static String names(MagicContext context, boolean cellMagics) {
        return context.registry().all().stream().filter(magic -> magic.isCellMagic() == cellMagics)
                .map(MagicRegistry::spelled).collect(Collectors.joining("  "));
    }
}
