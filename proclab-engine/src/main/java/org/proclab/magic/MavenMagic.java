package org.proclab.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.proclab.engine.classpath.ClassPathException;
import org.proclab.engine.classpath.MavenCoordinates;
import org.proclab.engine.classpath.MavenResolver;
import org.proclab.engine.jshell.Evaluation;

/**
 * {@code %maven GROUP:ARTIFACT:VERSION...}: downloads libraries with their dependencies and puts
 * them on the class path of the cells and of every process started afterwards; alone, lists what
 * it added. Where it downloads from follows Maven's settings ({@code MavenSettings}).
 *
 * <p>Each library is on the class path once: a jar added before is not added again, and when a
 * dependency comes in another version than one added before, the first version stays (two
 * versions of one library on one class path mix the classes of both).
 */
final class MavenMagic extends DescribedMagic {
    static final String ERROR_NAME = "MavenError";

    private final MavenResolver resolver;
    private final Map<String, MavenCoordinates> added = new LinkedHashMap<>();

    MavenMagic(MavenResolver resolver) {
        super("maven", false, "%maven GROUP:ARTIFACT:VERSION ...   (e.g. %maven " + MavenCoordinates.EXAMPLE + ")",
                "Downloads libraries and their dependencies from Maven Central (and %mavenRepo repositories) into"
                        + " Maven's local repository and adds them to the class path of the cells and of later processes;"
                        + " alone, lists what it added. Mirrors, proxies, passwords, profiles' repositories and the local"
                        + " repository come from Maven's settings.xml, as for mvn.");
        this.resolver = resolver;
    }

    @Override
    public Evaluation run(String arguments, String body, MagicContext context) throws MagicUsageException {
        if (arguments.isBlank()) {
            list(context);
            return new Evaluation.Completed(null);
        }
        List<MavenCoordinates> wanted = new ArrayList<>();
        for (String word : arguments.strip().split("\\s+")) {
            try {
                wanted.add(MavenCoordinates.parse(word));
            } catch (ClassPathException e) {
                throw new MagicUsageException(e.getMessage());
            }
        }
        long start = System.nanoTime();
        List<MavenResolver.Artifact> resolved;
        try {
            resolved = context.runStoppable(() -> resolver.resolve(wanted));
        } catch (ClassPathException e) {
            return Evaluation.Failed.of(ERROR_NAME, e.getMessage());
        } catch (InterruptedException e) {
            return Evaluation.Failed.of("Interrupted", "%maven was stopped before it finished; nothing was added to the"
                    + " class path (a download under way may still finish in the background)");
        } catch (Exception e) {
            throw new IllegalStateException("resolving " + arguments.strip() + " failed unexpectedly", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        context.print(report(resolved, context, seconds));
        return new Evaluation.Completed(null);
    }

    /** Adds what is new and says what was added, what was there already and which versions were kept. */
    private String report(List<MavenResolver.Artifact> resolved, MagicContext context, double seconds) {
        List<String> addedNow = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (MavenResolver.Artifact artifact : resolved) {
            MavenCoordinates coordinates = artifact.coordinates();
            MavenCoordinates earlier = added.get(coordinates.versionlessKey());
            if (earlier != null && !earlier.version().equals(coordinates.version())) {
                kept.add(earlier + " (not adding version " + coordinates.version() + " too)");
            } else if (context.addToClassPath(artifact.file())) {
                added.put(coordinates.versionlessKey(), coordinates);
                addedNow.add(coordinates.toString());
            } else {
                added.putIfAbsent(coordinates.versionlessKey(), coordinates);
                present.add(coordinates.toString());
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Resolved in %.1f s. ", seconds));
        text.append(addedNow.isEmpty() ? "Nothing new to add.\n" : "Added " + jars(addedNow.size()) + " to the class path:\n");
        addedNow.forEach(line -> text.append("  ").append(line).append('\n'));
        if (!present.isEmpty()) {
            text.append("Already on the class path: ").append(String.join(", ", present)).append('\n');
        }
        kept.forEach(line -> text.append("Kept ").append(line).append('\n'));
        return text.toString();
    }

    private void list(MagicContext context) {
        if (added.isEmpty()) {
            context.print("No library was added with %maven yet.\n");
            return;
        }
        StringBuilder listing = new StringBuilder("Added with %maven:\n");
        added.values().forEach(coordinates -> listing.append("  ").append(coordinates).append('\n'));
        context.print(listing.toString());
    }

    private static String jars(int count) {
        return count == 1 ? "1 jar" : count + " jars";
    }
}
