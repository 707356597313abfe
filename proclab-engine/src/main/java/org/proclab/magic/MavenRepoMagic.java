package org.proclab.magic;

import org.proclab.engine.classpath.ClassPathException;
import org.proclab.engine.classpath.MavenResolver;
import org.proclab.engine.jshell.Evaluation;

/** {@code %mavenRepo ID URL}: another repository for {@code %maven} to look in; alone, lists them. */
final class MavenRepoMagic extends DescribedMagic {
    private final MavenResolver resolver;

    MavenRepoMagic(MavenResolver resolver) {
        super("mavenRepo", false, "%mavenRepo ID URL   (e.g. %mavenRepo google https://maven.google.com/)",
                "Adds a Maven repository for %maven to look in after Maven Central; alone, lists the repositories.");
        this.resolver = resolver;
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        String[] words = arguments.strip().split("\\s+");
        if (arguments.isBlank()) {
            StringBuilder listing = new StringBuilder("%maven looks in:\n");
            try {
                resolver.repositories().forEach((id, url) -> listing.append("  ").append(id).append("  ").append(url).append('\n'));
            } catch (ClassPathException e) {
                return Evaluation.Failed.of(MavenMagic.ERROR_NAME, e.getMessage());
            }
            context.print(listing.toString());
            return new Evaluation.Completed(null);
        }
        if (words.length != 2) {
            throw new MagicUsageException("give an id and an address");
        }
        try {
            resolver.addRepository(words[0], words[1]);
        } catch (ClassPathException e) {
            throw new MagicUsageException(e.getMessage());
        }
        context.print("%maven now also looks in " + words[0] + " (" + words[1] + ").\n");
        return new Evaluation.Completed(null);
    }
}
