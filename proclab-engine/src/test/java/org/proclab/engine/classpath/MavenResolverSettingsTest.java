package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/**
 * The resolver behind {@code %maven} following settings.xml against a real HTTP server on this
 * machine, which plays a school's mirror of Maven Central (with a password) or a proxy: the
 * artifact comes through it, into the local repository the settings name.
 */
class MavenResolverSettingsTest {
    private static final String ARTIFACT_PATH = "/org/proclab/demo/hello/1.0/hello-1.0.";
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
              <groupId>org.proclab.demo</groupId><artifactId>hello</artifactId><version>1.0</version></project>
            """;

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile String requiredAuthorization;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"school\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith(ARTIFACT_PATH + "pom") ? POM.getBytes(StandardCharsets.UTF_8)
                    : path.endsWith(ARTIFACT_PATH + "jar") ? emptyJar() : null;
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] emptyJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes).close();
        return bytes.toByteArray();
    }

    private Path settings(String body) throws IOException {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, "<settings><localRepository>" + dir.resolve("local") + "</localRepository>" + body + "</settings>");
        return file;
    }

    /** {@code user} as the user's settings, without the installation's file or a master password. */
    private MavenSettings.Locations locations(Path user) {
        return new MavenSettings.Locations(user, dir.resolve("no-global.xml"), dir.resolve("no-settings-security.xml"));
    }

    private String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aMirrorOfCentralWithAPasswordServesTheArtifact() throws Exception {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString("student:secret".getBytes(StandardCharsets.UTF_8));
        MavenResolver resolver = new MavenResolver(locations(settings(
                "<mirrors><mirror><id>school</id><url>http://" + address() + "/school/</url><mirrorOf>central</mirrorOf></mirror></mirrors>"
                        + "<servers><server><id>school</id><username>student</username><password>secret</password></server></servers>")));

        List<MavenResolver.Artifact> resolved = resolver.resolve(List.of(MavenCoordinates.parse("org.proclab.demo:hello:1.0")));

        assertEquals(1, resolved.size());
        assertEquals(dir.resolve("local/org/proclab/demo/hello/1.0/hello-1.0.jar"), resolved.get(0).file());
        assertTrue(Files.isRegularFile(resolved.get(0).file()));
        assertTrue(asked.contains("GET /school" + ARTIFACT_PATH + "pom"), asked.toString());
        assertTrue(asked.contains("GET /school" + ARTIFACT_PATH + "jar"), asked.toString());
    }

    @Test
    void aMissingArtifactIsReportedWithTheMirrorThatWasAsked() throws Exception {
        MavenResolver resolver = new MavenResolver(locations(settings(
                "<mirrors><mirror><id>school</id><url>http://" + address() + "/school/</url><mirrorOf>central</mirrorOf></mirror></mirrors>")));

        String message = assertThrows(ClassPathException.class,
                () -> resolver.resolve(List.of(MavenCoordinates.parse("org.proclab.demo:missing:1.0")))).getMessage();

        assertEquals("cannot find org.proclab.demo:missing:1.0 in http://" + address() + "/school/ (mirror school of central)",
                message);
    }

    // Every repository is reached through the proxy: the server gets the full address of a host
    // that does not exist, as a proxy does, and answers for it.
    @Test
    void aProxyCarriesTheRequests() throws Exception {
        MavenResolver resolver = new MavenResolver(locations(settings(
                "<mirrors><mirror><id>all</id><url>http://repo.proclab.invalid/maven/</url><mirrorOf>*</mirrorOf></mirror></mirrors>"
                        + "<proxies><proxy><protocol>http</protocol><host>127.0.0.1</host><port>" + server.getAddress().getPort()
                        + "</port></proxy></proxies>")));

        List<MavenResolver.Artifact> resolved = resolver.resolve(List.of(MavenCoordinates.parse("org.proclab.demo:hello:1.0")));

        assertTrue(Files.isRegularFile(resolved.get(0).file()));
        assertTrue(asked.contains("GET http://repo.proclab.invalid/maven" + ARTIFACT_PATH + "jar"), asked.toString());
    }

    // The password in settings.xml is encrypted as mvn --encrypt-password leaves it; the mirror gets it decrypted.
    @Test
    void anEncryptedPasswordReachesTheMirrorDecrypted() throws Exception {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString("student:secret".getBytes(StandardCharsets.UTF_8));
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate("master", "settings.security")
                + "</master></settingsSecurity>");
        MavenResolver resolver = new MavenResolver(new MavenSettings.Locations(settings(
                "<mirrors><mirror><id>school</id><url>http://" + address() + "/school/</url><mirrorOf>central</mirrorOf></mirror></mirrors>"
                        + "<servers><server><id>school</id><username>student</username><password>"
                        + cipher.encryptAndDecorate("secret", "master") + "</password></server></servers>"),
                dir.resolve("no-global.xml"), security));

        List<MavenResolver.Artifact> resolved = resolver.resolve(List.of(MavenCoordinates.parse("org.proclab.demo:hello:1.0")));

        assertTrue(Files.isRegularFile(resolved.get(0).file()));
        assertTrue(asked.contains("GET /school" + ARTIFACT_PATH + "jar"), asked.toString());
    }

    // A repository of a profile active by default comes before Central, as in Maven, and is listed.
    @Test
    void aProfilesRepositoryServesTheArtifact() throws Exception {
        MavenResolver resolver = new MavenResolver(locations(settings("<profiles><profile><id>school</id>"
                + "<activation><activeByDefault>true</activeByDefault></activation><repositories><repository><id>school</id>"
                + "<url>http://" + address() + "/profile/</url></repository></repositories></profile></profiles>")));

        assertEquals(List.of("school", MavenResolver.CENTRAL_ID), List.copyOf(resolver.repositories().keySet()));
        List<MavenResolver.Artifact> resolved = resolver.resolve(List.of(MavenCoordinates.parse("org.proclab.demo:hello:1.0")));

        assertTrue(Files.isRegularFile(resolved.get(0).file()));
        assertTrue(asked.contains("GET /profile" + ARTIFACT_PATH + "jar"), asked.toString());
    }
}
