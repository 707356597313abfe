package org.proclab.engine.classpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of Maven's {@code settings.xml} that decide where {@code %maven} downloads from, read
 * the way {@code mvn} reads them, so that a machine set up for Maven (a school's mirror, a proxy, a
 * password for a private repository) works in the notebook without more set-up:
 * {@code localRepository}, active {@code proxies}, {@code mirrors} and the user names and
 * passwords of {@code servers}. Values may use {@code ${user.home}}, {@code ${env.NAME}} and other
 * system properties, as in Maven.
 *
 * <p>As in Maven, the user's file ({@code ~/.m2/settings.xml}) comes before the installation's
 * ({@code conf/settings.xml} of {@code maven.home} or {@code MAVEN_HOME}, else Debian's
 * {@code /usr/share/maven}): for one id, or for the local repository, the user's entry wins.
 * Passwords encrypted with {@code mvn --encrypt-password} cannot be read and are refused with a
 * clear error rather than sent as they are. Everything else in the file (profiles, plugin groups)
 * has no meaning for {@code %maven} and is ignored.
 */
public final class MavenSettings {
    /** A mirror: {@code url} serves every repository that {@code mirrorOf} names (Maven's syntax). */
    public record Mirror(String id, String url, String mirrorOf) {
    }

    /** An active proxy for one protocol; {@code nonProxyHosts} as in Maven ({@code a|*.b}). */
    public record Proxy(String protocol, String host, int port, String username, String password, String nonProxyHosts) {
    }

    /** The user name and password for the repository or mirror with this id. */
    public record Server(String id, String username, String password) {
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern ENCRYPTED = Pattern.compile(".*\\{[A-Za-z0-9+/=]{8,}}.*");

    private final Optional<Path> localRepository;
    private final List<Mirror> mirrors;
    private final List<Proxy> proxies;
    private final Map<String, Server> servers;

    private MavenSettings(Optional<Path> localRepository, List<Mirror> mirrors, List<Proxy> proxies, Map<String, Server> servers) {
        this.localRepository = localRepository;
        this.mirrors = List.copyOf(mirrors);
        this.proxies = List.copyOf(proxies);
        this.servers = Map.copyOf(servers);
    }

    /** The files Maven reads for this user, most important first: the user's, then the installation's. */
    public static List<Path> userAndGlobalFiles() {
        List<Path> files = new ArrayList<>();
        files.add(Path.of(System.getProperty("user.home"), ".m2", "settings.xml"));
        String mavenHome = Optional.ofNullable(System.getProperty("maven.home")).orElse(System.getenv("MAVEN_HOME"));
        files.add(Path.of(mavenHome == null || mavenHome.isBlank() ? "/usr/share/maven" : mavenHome, "conf", "settings.xml"));
        return files;
    }

    /**
     * Reads {@code files} (missing ones are skipped), the first one most important.
     *
     * @throws ClassPathException naming the file and line when one cannot be read or parsed, or holds
     *     an encrypted password
     */
    public static MavenSettings read(List<Path> files) throws ClassPathException {
        Optional<Path> localRepository = Optional.empty();
        Map<String, Mirror> mirrors = new LinkedHashMap<>();
        Map<String, Proxy> proxies = new LinkedHashMap<>();
        Map<String, Server> servers = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Element root = parse(file);
            if (localRepository.isEmpty()) {
                localRepository = value(root, "localRepository").filter(s -> !s.isBlank()).map(Path::of);
            }
            for (Element mirror : children(root, "mirrors", "mirror")) {
                String id = text(mirror, "id").orElse("mirror");
                String url = value(mirror, "url").orElse(null);
                if (url != null) {
                    mirrors.putIfAbsent(id, new Mirror(id, url, text(mirror, "mirrorOf").orElse("*")));
                }
            }
            for (Element proxy : children(root, "proxies", "proxy")) {
                if (text(proxy, "active").map(Boolean::parseBoolean).orElse(true) && text(proxy, "host").isPresent()) {
                    String protocol = text(proxy, "protocol").orElse("http").toLowerCase(Locale.ROOT);
                    proxies.putIfAbsent(protocol, new Proxy(protocol, value(proxy, "host").get(),
                            port(file, value(proxy, "port").orElse("8080")),
                            value(proxy, "username").orElse(null),
                            plainPassword(file, value(proxy, "password").orElse(null)),
                            value(proxy, "nonProxyHosts").orElse(null)));
                }
            }
            for (Element server : children(root, "servers", "server")) {
                Optional<String> id = text(server, "id");
                if (id.isPresent() && !servers.containsKey(id.get())) {
                    servers.put(id.get(), new Server(id.get(), value(server, "username").orElse(null),
                            plainPassword(file, value(server, "password").orElse(null))));
                }
            }
        }
        return new MavenSettings(localRepository, new ArrayList<>(mirrors.values()), new ArrayList<>(proxies.values()), servers);
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

    private static Element parse(Path file) throws ClassPathException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(file.toFile()).getDocumentElement();
        } catch (SAXParseException e) {
            throw new ClassPathException(file + " is not valid XML (line " + e.getLineNumber() + ": " + e.getMessage() + ")");
        } catch (SAXException | IOException e) {
            throw new ClassPathException(file + " cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be set up safely", e);
        }
    }

    /** The elements {@code <section><item>…</item></section>} directly under {@code parent}. */
    private static List<Element> children(Element parent, String section, String item) {
        List<Element> found = new ArrayList<>();
        for (Element list : elements(parent, section)) {
            found.addAll(elements(list, item));
        }
        return found;
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Optional<String> text(Element parent, String name) {
        return elements(parent, name).stream().findFirst().map(element -> element.getTextContent().strip());
    }

    /** The text of {@code name} under {@code parent}, with its {@code ${...}} replaced as {@link #interpolate} does. */
    private static Optional<String> value(Element parent, String name) {
        return text(parent, name).map(MavenSettings::interpolate);
    }

    /** {@code ${env.NAME}} from the environment, {@code ${name}} from the system properties; unknown ones stay. */
    private static String interpolate(String value) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.startsWith("env.") ? System.getenv(name.substring(4)) : System.getProperty(name);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement == null ? matcher.group() : replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private static int port(Path file, String port) throws ClassPathException {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ClassPathException(file + ": the proxy port " + port + " is not a number");
        }
    }

    private static String plainPassword(Path file, String password) throws ClassPathException {
        if (password != null && ENCRYPTED.matcher(password).matches()) {
            throw new ClassPathException(file + " holds a password encrypted by Maven, which %maven cannot decrypt;"
                    + " write it in plain text there (or in a file only you can read) to use it here");
        }
        return password;
    }
}
