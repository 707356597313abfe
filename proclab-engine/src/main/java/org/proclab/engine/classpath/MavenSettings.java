package org.proclab.engine.classpath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsBuildingResult;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.io.SettingsParseException;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The parts of Maven's {@code settings.xml} that decide where {@code %maven} downloads from, read
 * by Maven's own settings builder, so that a machine set up for Maven (a school's mirror, a proxy,
 * a password for a private repository) works in the notebook without more set-up:
 * {@code localRepository}, active {@code proxies}, {@code mirrors}, the user names and passwords
 * of {@code servers}, and the repositories of the active {@code profiles} ({@link ActiveProfiles}).
 *
 * <p>As in {@code mvn}: the user's file comes before the installation's (for one id, or for the
 * local repository, the user's entry wins); values may use {@code ${user.home}}, {@code ${env.NAME}}
 * and other system properties; a file Maven would refuse (a mirror without {@code mirrorOf}, a
 * proxy port that is not a number) is refused here with Maven's reason; and passwords encrypted
 * with {@code mvn --encrypt-password} are decrypted with the master password of
 * {@code settings-security.xml}. Everything else in the file (plugin groups, profile properties)
 * has no meaning for {@code %maven} and is ignored.
 */
public final class MavenSettings {
    /**
     * Where one user's Maven settings are: the user's {@code settings.xml}, the installation's, and
     * {@code settings-security.xml} with the master password of encrypted passwords. A file that
     * does not exist counts as empty.
     */
    public record Locations(Path user, Path global, Path security) {
        /**
         * The files {@code mvn} reads for this user: {@code ~/.m2/settings.xml}, then
         * {@code conf/settings.xml} of {@code maven.home} or {@code MAVEN_HOME} (else Debian's
         * {@code /usr/share/maven}), and {@code ~/.m2/settings-security.xml}.
         */
        public static Locations forThisUser() {
            Path m2 = Path.of(System.getProperty("user.home"), ".m2");
            String mavenHome = Optional.ofNullable(System.getProperty("maven.home")).orElse(System.getenv("MAVEN_HOME"));
            Path installation = Path.of(mavenHome == null || mavenHome.isBlank() ? "/usr/share/maven" : mavenHome);
            return new Locations(m2.resolve("settings.xml"), installation.resolve("conf").resolve("settings.xml"),
                    m2.resolve("settings-security.xml"));
        }
    }

    /** A mirror: {@code url} serves every repository that {@code mirrorOf} names (Maven's syntax). */
    public record Mirror(String id, String url, String mirrorOf) {
    }

    /** An active proxy for one protocol; {@code nonProxyHosts} as in Maven ({@code a|*.b}). */
    public record Proxy(String protocol, String host, int port, String username, String password, String nonProxyHosts) {
    }

    /** The user name and password for the repository or mirror with this id. */
    public record Server(String id, String username, String password) {
    }

    private final Optional<Path> localRepository;
    private final List<Mirror> mirrors;
    private final List<Proxy> proxies;
    private final Map<String, Server> servers;
    private final List<RemoteRepository> repositories;

    private MavenSettings(Optional<Path> localRepository, List<Mirror> mirrors, List<Proxy> proxies, Map<String, Server> servers,
            List<RemoteRepository> repositories) {
        this.localRepository = localRepository;
        this.mirrors = List.copyOf(mirrors);
        this.proxies = List.copyOf(proxies);
        this.servers = Map.copyOf(servers);
        this.repositories = List.copyOf(repositories);
    }

    /**
     * Reads the settings at {@code files} as {@code mvn} would.
     *
     * @throws ClassPathException naming the file (and line) when Maven would refuse one, or when an
     *     encrypted password cannot be decrypted
     */
    public static MavenSettings read(Locations files) throws ClassPathException {
        SettingsBuildingResult built = build(files);
        Settings settings = built.getEffectiveSettings();
        SettingsDecryptionResult decrypted = decrypt(settings, files.security());
        List<Mirror> mirrors = settings.getMirrors().stream().map(m -> new Mirror(m.getId(), m.getUrl(), m.getMirrorOf())).toList();
        Map<String, Server> servers = new LinkedHashMap<>();
        for (org.apache.maven.settings.Server server : decrypted.getServers()) {
            servers.putIfAbsent(server.getId(), new Server(server.getId(), server.getUsername(), server.getPassword()));
        }
        return new MavenSettings(Optional.ofNullable(settings.getLocalRepository()).filter(s -> !s.isBlank()).map(Path::of),
                mirrors, activeProxies(decrypted.getProxies(), built.getProblems()), servers, ActiveProfiles.repositories(settings));
    }

    /** The local repository the settings name, if any. */
    public Optional<Path> localRepository() {
        return localRepository;
    }

    /** The mirrors, in the order Maven tries them. */
    public List<Mirror> mirrors() {
        return mirrors;
    }

    /** The active proxies, one per protocol. */
    public List<Proxy> proxies() {
        return proxies;
    }

    /** The credentials by repository or mirror id. */
    public Map<String, Server> servers() {
        return servers;
    }

    /** The repositories of the profiles Maven would activate, in the order it looks in them, before Central. */
    public List<RemoteRepository> repositories() {
        return repositories;
    }

    /** Replaces each repository by the mirror that serves it. */
    public MirrorSelector mirrorSelector() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror mirror : mirrors) {
            selector.add(mirror.id(), mirror.url(), "default", false, false, mirror.mirrorOf(), "*");
        }
        return selector;
    }

    /** Sends each request through the active proxy for its protocol, except to the non-proxy hosts. */
    public ProxySelector proxySelector() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (Proxy proxy : proxies) {
            AuthenticationBuilder authentication = new AuthenticationBuilder();
            if (proxy.username() != null) {
                authentication.addUsername(proxy.username()).addPassword(proxy.password());
            }
            selector.add(new org.eclipse.aether.repository.Proxy(proxy.protocol(), proxy.host(), proxy.port(),
                    authentication.build()), proxy.nonProxyHosts());
        }
        return selector;
    }

    /** Gives each repository or mirror the user name and password of the server with its id. */
    public AuthenticationSelector authenticationSelector() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server server : servers.values()) {
            AuthenticationBuilder authentication = new AuthenticationBuilder();
            if (server.username() != null) {
                authentication.addUsername(server.username());
            }
            if (server.password() != null) {
                authentication.addPassword(server.password());
            }
            selector.add(server.id(), authentication.build());
        }
        return selector;
    }

    /** The user's file merged over the installation's and interpolated, as Maven's builder makes it. */
    private static SettingsBuildingResult build(Locations files) throws ClassPathException {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest()
                .setUserSettingsFile(files.user().toFile())
                .setGlobalSettingsFile(files.global().toFile())
                .setSystemProperties(System.getProperties());
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request);
        } catch (SettingsBuildingException e) {
            throw new ClassPathException(describe(e.getProblems().stream()
                    .filter(MavenSettings::isError)
                    .findFirst().orElse(e.getProblems().get(0))));
        }
    }

    /** The servers and proxies with their passwords decrypted by the master password in {@code security}. */
    private static SettingsDecryptionResult decrypt(Settings settings, Path security) throws ClassPathException {
        SettingsDecryptionResult decrypted = new DefaultSettingsDecrypter(new DefaultSecDispatcher(new DefaultPlexusCipher(),
                Map.of(), security.toString())).decrypt(new DefaultSettingsDecryptionRequest(settings));
        for (SettingsProblem problem : decrypted.getProblems()) {
            if (isError(problem)) {
                throw new ClassPathException("cannot decrypt a password of Maven's settings (" + rootMessage(problem)
                        + "); its master password comes from " + security + " (mvn --encrypt-master-password)");
            }
        }
        return decrypted;
    }

    /**
     * The first active proxy of each protocol, as Maven's proxy selector picks it. Maven reads a port
     * that is not a number as 0 and only warns, naming the file and line; such a proxy cannot work,
     * so it is refused with those warnings.
     */
    private static List<Proxy> activeProxies(List<org.apache.maven.settings.Proxy> declared, List<SettingsProblem> warnings)
            throws ClassPathException {
        Map<String, Proxy> proxies = new LinkedHashMap<>();
        for (org.apache.maven.settings.Proxy proxy : declared) {
            if (!proxy.isActive()) {
                continue;
            }
            if (proxy.getPort() <= 0 || proxy.getPort() > 65_535) {
                String why = warnings.stream().map(MavenSettings::describe).collect(Collectors.joining("; "));
                throw new ClassPathException("the proxy " + proxy.getHost() + " in Maven's settings has no usable port ("
                        + proxy.getPort() + ")" + (why.isEmpty() ? "" : ": " + why));
            }
            String protocol = proxy.getProtocol().toLowerCase(Locale.ROOT);
            proxies.putIfAbsent(protocol, new Proxy(protocol, proxy.getHost(), proxy.getPort(), proxy.getUsername(),
                    proxy.getPassword(), proxy.getNonProxyHosts()));
        }
        return new ArrayList<>(proxies.values());
    }

    /** One sentence for a problem Maven found in the settings: which file, where, why. */
    private static String describe(SettingsProblem problem) {
        if (problem.getSeverity() == SettingsProblem.Severity.FATAL && problem.getException() instanceof SettingsParseException parse) {
            return problem.getSource() + " is not valid XML (line " + parse.getLineNumber() + ": " + parse.getMessage() + ")";
        }
        return (problem.getSource().isEmpty() ? "Maven's settings" : problem.getSource())
                + (problem.getLineNumber() > 0 ? ", line " + problem.getLineNumber() : "") + ": " + problem.getMessage();
    }

    private static boolean isError(SettingsProblem problem) {
        return problem.getSeverity().compareTo(SettingsProblem.Severity.ERROR) <= 0;
    }

    /** What went wrong at the bottom of a problem, such as the file that is missing. */
    private static String rootMessage(SettingsProblem problem) {
        Throwable root = problem.getException();
        if (root == null) {
            return problem.getMessage();
        }
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
