package org.proclab.magic;

import java.util.Optional;
import org.proclab.engine.jshell.Evaluation;

/** {@code %help NAME}: how to call a magic and what it does. */
final class HelpMagic extends DescribedMagic {
    HelpMagic() {
        super("help", false, "%help NAME   (e.g. %help time, %help %%time)",
                "Explains a magic: how to call it and what it does.");
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (arguments.isBlank() || arguments.contains(" ")) {
            throw new MagicUsageException("name one magic");
        }
        boolean cellMagic = arguments.startsWith("%%");
        String name = arguments.replaceFirst("^%{1,2}", "");
        Optional<Magic> magic = context.registry().find(name, cellMagic)
                .or(() -> arguments.startsWith("%") ? Optional.empty() : context.registry().find(name, true));
        if (magic.isEmpty()) {
            String hint = context.registry().suggestionFor(name, cellMagic).map(s -> "; did you mean " + s + "?").orElse("");
            throw new MagicUsageException("there is no magic " + arguments + hint);
        }
        context.print(magic.get().usage() + "\n    " + magic.get().summary() + "\n");
        return new Evaluation.Completed(null);
    }
}
