package org.proclab.engine.classpath;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.internal.impl.filter.PrefixesRemoteRepositoryFilterSource;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven artifacts with their dependencies (compile and runtime scope, as Maven puts them
 * on a program's class path) from Maven Central and the repositories a user adds, caching them in
 * the local repository that Maven itself uses ({@code ~/.m2/repository}), so an artifact is
 * downloaded once per machine.
 *
 * <p>It uses Apache Maven Resolver through its ready-made supplier, which wires the resolver the
 * way Maven 3 does (version conflicts: nearest wins; test, provided and optional dependencies
 * left out) without a dependency-injection container. The resolver starts on first use.
 *
 * <p>It follows Maven's settings ({@link MavenSettings}): the local repository, mirrors, proxies,
 * server passwords and active profiles' repositories of {@code ~/.m2/settings.xml} and the
 * installation's {@code conf/settings.xml}.
 *
 * <p>The resolver's prefix filter is off: it downloads each repository's list of group prefixes once
 * per session (here: per {@code %maven}), which costs a round trip even when every artifact is in
 * the local repository, and makes an offline machine wait for a timeout before using its cache.
 *
 * <p>Threading: one resolution at a time.
 */
public final class MavenResolver {
    /** Maven Central's id and address. */
    public static final String CENTRAL_ID = "central";
    public static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file");

    /** An artifact resolved to a file in the local repository. */
    public record Artifact(MavenCoordinates coordinates, Path file) {
    }

    private final MavenSettings.Locations settingsFiles;
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private RepositorySystem system;

    /**
     * A resolver that knows Maven Central and follows the Maven settings in {@code settingsFiles}
     * (see {@link MavenSettings#read}), read again at each resolution so that an edited file counts
     * at the next {@code %maven}.
     */
    public MavenResolver(MavenSettings.Locations settingsFiles) {
        this.settingsFiles = settingsFiles;
        repositories.put(CENTRAL_ID, repository(CENTRAL_ID, CENTRAL_URL));
    }

    /** A resolver with this user's Maven settings, as {@code mvn} would use them. */
    public static MavenResolver forThisUser() {
        return new MavenResolver(MavenSettings.Locations.forThisUser());
    }

    /**
     * Maven's local repository: {@code -Dmaven.repo.local} if set, else the settings'
     * {@code localRepository}, else {@code ~/.m2/repository}.
     */
    static Path localRepository(MavenSettings settings) {
        String chosen = System.getProperty("maven.repo.local");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        return settings.localRepository().orElse(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    /**
     * Adds a repository to look in after those added before; an id given before gets the new address.
     *
     * @throws ClassPathException when {@code url} is not an http, https or file address
     */
    public synchronized void addRepository(String id, String url) throws ClassPathException {
        try {
            URI address = new URI(url);
            if (address.getScheme() == null || !URL_SCHEMES.contains(address.getScheme().toLowerCase(Locale.ROOT))) {
                throw new ClassPathException(url + " is not a repository address; write one starting with https://, http:// or file:");
            }
        } catch (URISyntaxException e) {
            throw new ClassPathException(url + " is not a repository address: " + e.getReason());
        }
        repositories.put(id, repository(id, url));
    }

    /**
     * The repositories looked in, in order: id and address.
     *
     * @throws ClassPathException when Maven's settings, which may add repositories, cannot be read
     */
    public synchronized Map<String, String> repositories() throws ClassPathException {
        Map<String, String> listed = new LinkedHashMap<>();
        lookIn(MavenSettings.read(settingsFiles)).forEach(repository -> listed.put(repository.getId(), repository.getUrl()));
        return listed;
    }

    /**
     * The active profiles' repositories of the settings, then Central and those added, as Maven puts
     * a profile's repositories before a project's: for one id, the profile's wins.
     */
    private List<RemoteRepository> lookIn(MavenSettings settings) {
        Map<String, RemoteRepository> merged = new LinkedHashMap<>();
        settings.repositories().forEach(repository -> merged.put(repository.getId(), repository));
        repositories.forEach(merged::putIfAbsent);
        return new ArrayList<>(merged.values());
    }

    /**
     * The files of {@code wanted} and of everything they depend on at compile and run time, each
     * artifact once, in the order Maven would put them on the class path.
     *
     * @throws ClassPathException with one sentence saying why, when an artifact does not exist or a
     *     repository cannot be reached
     */
    public synchronized List<Artifact> resolve(List<MavenCoordinates> wanted) throws ClassPathException {
        MavenSettings settings = MavenSettings.read(settingsFiles);
        CollectRequest collect = new CollectRequest();
        for (MavenCoordinates coordinates : wanted) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(),
                    coordinates.classifier(), coordinates.extension(), coordinates.version()), JavaScopes.COMPILE));
        }
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        RepositorySystem repositorySystem = system();
        List<RemoteRepository> declared = lookIn(settings);
        List<RemoteRepository> lookIn = List.of();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(repositorySystem).get()
                .withLocalRepositoryBaseDirectories(localRepository(settings))
                .setMirrorSelector(settings.mirrorSelector())
                .setProxySelector(settings.proxySelector())
                .setAuthenticationSelector(settings.authenticationSelector())
                .setSystemProperties(System.getProperties())
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MILLIS)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, READ_TIMEOUT_MILLIS)
                .setConfigProperty(ConfigurationProperties.USER_AGENT, "ProcLab (Apache Maven Resolver)")
                .setConfigProperty(PrefixesRemoteRepositoryFilterSource.CONFIG_PROP_ENABLED, false)
                .build()) {
            lookIn = repositorySystem.newResolutionRepositories(session, declared);
            collect.setRepositories(lookIn);
            List<Artifact> resolved = new ArrayList<>();
            for (ArtifactResult result : repositorySystem.resolveDependencies(session, request).getArtifactResults()) {
                resolved.add(new Artifact(coordinatesOf(result.getArtifact()), result.getArtifact().getPath()));
            }
            return resolved;
        } catch (DependencyResolutionException | RuntimeException e) {
            throw new ClassPathException(reason(e, wanted, lookIn.isEmpty() ? declared : lookIn));
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private static RemoteRepository repository(String id, String url) {
        return new RemoteRepository.Builder(id, "default", url).build();
    }

    /**
     * One sentence for the user: what was not found where (a mirror is named with what it serves),
     * and which repository could not be reached.
     */
    private static String reason(Exception failure, List<MavenCoordinates> wanted, List<RemoteRepository> lookedIn) {
        String asked = wanted.stream().map(MavenCoordinates::toString).collect(Collectors.joining(", "));
        List<Throwable> causes = causes(failure);
        String notFound = causes.stream().filter(ArtifactNotFoundException.class::isInstance)
                .map(cause -> coordinatesOf(((ArtifactNotFoundException) cause).getArtifact()).toString()).findFirst().orElse(null);
        String unreachable = causes.stream().filter(MavenResolver::isNetworkFailure)
                .map(cause -> cause.getClass().getSimpleName() + ": " + cause.getMessage()).findFirst().orElse(null);
        if (notFound != null) {
            String sentence = "cannot find " + notFound + (asked.contains(notFound) ? "" : " (needed by " + asked + ")")
                    + " in " + places(lookedIn);
            return unreachable == null ? sentence : sentence + "; a repository could not be reached (" + unreachable + ")";
        }
        if (unreachable != null) {
            return "cannot fetch " + asked + ": a repository could not be reached (" + unreachable
                    + "); check the network, or add a downloaded jar with %classpath";
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "cannot resolve " + asked + ": " + message.lines().findFirst().orElse(message);
    }

    private static String places(List<RemoteRepository> repositories) {
        return repositories.stream().map(repository -> repository.getMirroredRepositories().isEmpty() ? repository.getUrl()
                : repository.getUrl() + " (mirror " + repository.getId() + " of " + repository.getMirroredRepositories().stream()
                        .map(RemoteRepository::getId).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Every exception behind a failure: the resolver reports each repository's answer as a cause, a
     * suppressed exception, or (for a dependency request) in the partial result it attaches.
     */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty() && found.size() < 200) {
            Throwable next = pending.removeFirst();
            if (found.contains(next)) {
                continue;
            }
            found.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
            if (next instanceof DependencyResolutionException resolution && resolution.getResult() != null) {
                if (resolution.getResult().getCollectExceptions() != null) {
                    pending.addAll(resolution.getResult().getCollectExceptions());
                }
                for (ArtifactResult result : resolution.getResult().getArtifactResults()) {
                    pending.addAll(result.getExceptions());
                }
            }
        }
        return found;
    }

    private static boolean isNetworkFailure(Throwable cause) {
        return cause instanceof UnknownHostException || cause instanceof ConnectException
                || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException;
    }

    private static MavenCoordinates coordinatesOf(org.eclipse.aether.artifact.Artifact artifact) {
        return new MavenCoordinates(artifact.getGroupId(), artifact.getArtifactId(), artifact.getExtension(),
                artifact.getClassifier(), artifact.getVersion());
    }
}
