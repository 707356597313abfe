package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** Reading Maven's settings.xml as mvn does: what counts, which file wins, and clear errors. */
class MavenSettingsTest {
    @TempDir
    Path dir;

    /** The settings at {@code user} and {@code global}, with {@code settings-security.xml} in the test's folder. */
    private MavenSettings read(Path user, Path global) throws ClassPathException {
        return MavenSettings.read(new MavenSettings.Locations(user, global, dir.resolve("settings-security.xml")));
    }

    private MavenSettings read(Path user) throws ClassPathException {
        return read(user, dir.resolve("missing.xml"));
    }

    private Path write(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n"
                + body + "\n</settings>\n");
        return file;
    }

    @Test
    void readsLocalRepositoryMirrorsActiveProxiesAndServers() throws Exception {
        Path file = write("settings.xml", """
                  <localRepository>${user.home}/m2-cache</localRepository>
                  <mirrors>
                    <mirror><id>school</id><url>https://nexus.school.example/maven/</url><mirrorOf>central</mirrorOf></mirror>
                  </mirrors>
                  <proxies>
                    <proxy><id>off</id><active>false</active><protocol>https</protocol><host>old.example</host><port>1</port></proxy>
                    <proxy><id>on</id><protocol>HTTPS</protocol><host>proxy.example</host><port>3128</port>
                      <nonProxyHosts>localhost|*.school.example</nonProxyHosts></proxy>
                  </proxies>
                  <servers><server><id>school</id><username>${env.PROCLAB_NO_SUCH_VARIABLE}</username><password>pw</password></server></servers>
                  <profiles><profile><id>ignored</id></profile></profiles>""");
        MavenSettings settings = read(file);
        assertEquals(Optional.of(Path.of(System.getProperty("user.home"), "m2-cache")), settings.localRepository());
        assertEquals(List.of(new MavenSettings.Mirror("school", "https://nexus.school.example/maven/", "central")), settings.mirrors());
        assertEquals(List.of(new MavenSettings.Proxy("https", "proxy.example", 3128, null, null, "localhost|*.school.example")),
                settings.proxies());
        MavenSettings.Server server = settings.servers().get("school");
        assertEquals("${env.PROCLAB_NO_SUCH_VARIABLE}", server.username(), "an unknown variable stays as written, as in Maven");
        assertEquals("pw", server.password());
    }

    // As in Maven, the user's file comes first: for one id, and for the local repository, it wins.
    // (Maven refuses a mirror without mirrorOf, so each one names what it serves.)
    @Test
    void theUsersFileWinsOverTheInstallations() throws Exception {
        Path user = write("user.xml", "<mirrors><mirror><id>m</id><url>http://user.example/</url><mirrorOf>*</mirrorOf></mirror></mirrors>");
        Path global = write("global.xml", "<localRepository>/srv/m2</localRepository><mirrors>"
                + "<mirror><id>m</id><url>http://global.example/</url><mirrorOf>*</mirrorOf></mirror>"
                + "<mirror><id>other</id><url>http://other.example/</url><mirrorOf>*</mirrorOf></mirror></mirrors>");
        MavenSettings settings = read(user, global);
        assertEquals(List.of(new MavenSettings.Mirror("m", "http://user.example/", "*"),
                new MavenSettings.Mirror("other", "http://other.example/", "*")), settings.mirrors());
        assertEquals(Optional.of(Path.of("/srv/m2")), settings.localRepository());
    }

    @Test
    void noFilesMeansNoSettings() throws Exception {
        MavenSettings settings = read(dir.resolve("none.xml"));
        assertEquals(Optional.empty(), settings.localRepository());
        assertTrue(settings.mirrors().isEmpty() && settings.proxies().isEmpty() && settings.servers().isEmpty());
    }

    @Test
    void brokenXmlNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, "<settings>\n<mirrors>\n</settings>\n");
        String message = assertThrows(ClassPathException.class, () -> read(file)).getMessage();
        assertTrue(message.startsWith(file + " is not valid XML (line 3: "), message);
    }

    // A document type could pull in other files; Maven's parser never loads them, so the file is refused.
    @Test
    void aDocumentTypeCannotPullInAnotherFile() throws Exception {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE settings [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<settings><localRepository>&x;</localRepository></settings>\n");
        String message = assertThrows(ClassPathException.class, () -> read(file)).getMessage();
        assertTrue(message.startsWith(file + " is not valid XML (line 3: ") && !message.contains("root:"), message);
    }

    // Without settings-security.xml the password cannot be decrypted: refused, not sent as written.
    @Test
    void anEncryptedPasswordWithoutTheMasterPasswordIsRefusedNotSent() throws Exception {
        Path file = write("settings.xml", "<servers><server><id>s</id><username>u</username>"
                + "<password>{COQLCE6DU6GtcS5P=}</password></server></servers>");
        String message = assertThrows(ClassPathException.class, () -> read(file)).getMessage();
        assertTrue(message.startsWith("cannot decrypt a password of Maven's settings")
                && message.contains(dir.resolve("settings-security.xml").toString()), message);
    }

    // As mvn does after --encrypt-master-password and --encrypt-password.
    @Test
    void anEncryptedPasswordIsDecryptedWithTheMasterPassword() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Files.writeString(dir.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("master secret", "settings.security") + "</master></settingsSecurity>");
        Path file = write("settings.xml", "<servers><server><id>s</id><username>u</username><password>"
                + cipher.encryptAndDecorate("server secret", "master secret") + "</password></server></servers>"
                + "<proxies><proxy><id>p</id><host>p.example</host><username>pu</username><password>"
                + cipher.encryptAndDecorate("proxy secret", "master secret") + "</password></proxy></proxies>");
        MavenSettings settings = read(file);
        assertEquals(new MavenSettings.Server("s", "u", "server secret"), settings.servers().get("s"));
        assertEquals(List.of(new MavenSettings.Proxy("http", "p.example", 8080, "pu", "proxy secret", null)), settings.proxies());
    }

    // Maven reads a port that is not a number as 0, with a warning; a proxy there cannot work.
    @Test
    void aProxyPortMustBeANumber() throws Exception {
        Path file = write("settings.xml", "<proxies><proxy><host>p.example</host><port>eighty</port></proxy></proxies>");
        String message = assertThrows(ClassPathException.class, () -> read(file)).getMessage();
        assertTrue(message.startsWith("the proxy p.example in Maven's settings has no usable port (0): " + file + ", line 3: ")
                && message.contains("must be an integer"), message);
    }

    // Maven refuses what its validator finds wrong, such as a mirror that does not say what it mirrors.
    @Test
    void whatMavenRefusesIsRefusedWithMavensReason() throws Exception {
        Path file = write("settings.xml", "<mirrors><mirror><id>m</id><url>http://m.example/</url></mirror></mirrors>");
        String message = assertThrows(ClassPathException.class, () -> read(file)).getMessage();
        assertTrue(message.startsWith(file.toString()) && message.contains("'mirrors.mirror.mirrorOf' for m is missing"), message);
    }

    @Test
    void environmentVariablesAndSystemPropertiesFillInValues() throws Exception {
        Path file = write("settings.xml", "<mirrors><mirror><id>m</id>"
                + "<url>https://${user.name}.example/${env.PROCLAB_NO_SUCH_VARIABLE}/</url><mirrorOf>*</mirrorOf></mirror></mirrors>"
                + "<servers><server><id>m</id><username>u</username><password>${env.PATH}</password></server></servers>");
        MavenSettings settings = read(file);
        assertEquals("https://" + System.getProperty("user.name") + ".example/${env.PROCLAB_NO_SUCH_VARIABLE}/",
                settings.mirrors().get(0).url());
        assertEquals(System.getenv("PATH"), settings.servers().get("m").password());
    }

    private static String profile(String id, String activation, String repositoryUrl) {
        return "<profile><id>" + id + "</id><activation>" + activation + "</activation><repositories><repository><id>" + id
                + "</id><url>" + repositoryUrl + "</url><snapshots><enabled>false</enabled></snapshots></repository>"
                + "</repositories></profile>";
    }

    // Maven's rules for settings profiles: one active by default counts only while no other is active.
    @Test
    void theRepositoriesOfActiveProfilesAreLookedIn() throws Exception {
        String school = profile("school", "<activeByDefault>true</activeByDefault>", "https://nexus.school.example/maven/");
        String extra = profile("extra", "", "https://extra.example/");
        String elsewhere = profile("elsewhere", "<property><name>proclab.no.such.property</name></property>", "https://elsewhere.example/");
        String thisJvm = profile("jvm", "<property><name>java.version</name></property>", "https://jvm.example/");

        List<RemoteRepository> byDefault = read(write("default.xml", "<profiles>" + school + extra + elsewhere + "</profiles>"))
                .repositories();
        assertEquals(List.of("https://nexus.school.example/maven/"), byDefault.stream().map(RemoteRepository::getUrl).toList());
        assertTrue(byDefault.get(0).getPolicy(false).isEnabled() && !byDefault.get(0).getPolicy(true).isEnabled());

        List<RemoteRepository> chosen = read(write("chosen.xml", "<profiles>" + school + extra + elsewhere + thisJvm + "</profiles>"
                + "<activeProfiles><activeProfile>extra</activeProfile></activeProfiles>")).repositories();
        assertEquals(List.of("extra", "jvm"), chosen.stream().map(RemoteRepository::getId).toList());
    }
}
