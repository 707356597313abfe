package org.proclab.magic;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.proclab.engine.classpath.MavenResolver;

/**
 * The magics a kernel knows, by name and kind. Line and cell magics have separate names, as in
 * IPython: {@code %time} and {@code %%time} are two magics.
 */
public final class MagicRegistry {
    private final Map<String, Magic> magics = new LinkedHashMap<>();

    /** The registry with ProcLab's own magics. */
    public static MagicRegistry standard() {
        MagicRegistry registry = new MagicRegistry();
        registry.add(new LsMagic());
        registry.add(new HelpMagic());
        registry.add(new TimeMagic(false));
        registry.add(new TimeMagic(true));
        registry.add(new PsMagic());
        registry.add(new LocksMagic());
        registry.add(new VarsMagic());
        registry.add(new TimelineMagic());
        registry.add(new SpawnMagic());
        registry.add(new PoolMagic());
        registry.add(new ClassPathMagic());
        registry.add(new LoadMagic());
        MavenResolver maven = MavenResolver.forThisUser();
        registry.add(new MavenMagic(maven));
        registry.add(new MavenRepoMagic(maven));
        return registry;
    }

    /** Adds a magic; a magic of the same kind and name is replaced. */
    public void add(Magic magic) {
        magics.put(key(magic.name(), magic.isCellMagic()), magic);
    }

    /** The magic called {@code name}, of the given kind. */
    public Optional<Magic> find(String name, boolean cellMagic) {
        return Optional.ofNullable(magics.get(key(name, cellMagic)));
    }

    /** All magics, line magics first, each kind by name. */
    public List<Magic> all() {
        return magics.values().stream()
                .sorted(Comparator.comparing(Magic::isCellMagic).thenComparing(Magic::name)).toList();
    }

    /**
     * The closest known name, written as the user would ({@code %time}), for "did you mean";
     * empty when nothing is close.
     */
    public Optional<String> suggestionFor(String name, boolean cellMagic) {
        Collection<Magic> candidates = magics.values();
        return candidates.stream()
                .filter(magic -> distance(magic.name(), name) <= Math.max(2, name.length() / 3)
                        || magic.name().startsWith(name) || name.startsWith(magic.name()))
                .min(Comparator.comparingInt((Magic magic) -> distance(magic.name(), name))
                        .thenComparing(magic -> magic.isCellMagic() != cellMagic))
                .map(MagicRegistry::spelled);
    }

    /** A magic's name with its percent signs. */
    static String spelled(Magic magic) {
        return (magic.isCellMagic() ? "%%" : "%") + magic.name();
    }

    private static String key(String name, boolean cellMagic) {
        return (cellMagic ? "%%" : "%") + name;
    }

    /** Levenshtein distance: how many one-letter edits turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
