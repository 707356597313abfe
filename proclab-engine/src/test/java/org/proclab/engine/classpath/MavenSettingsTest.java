package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Maven's settings.xml as mvn does: what counts, which file wins, and clear errors. */
class MavenSettingsTest {
    @TempDir
    Path dir;

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
        MavenSettings settings = MavenSettings.read(List.of(file, dir.resolve("missing.xml")));
        assertEquals(Optional.of(Path.of(System.getProperty("user.home"), "m2-cache")), settings.localRepository());
        assertEquals(List.of(new MavenSettings.Mirror("school", "https://nexus.school.example/maven/", "central")), settings.mirrors());
        assertEquals(List.of(new MavenSettings.Proxy("https", "proxy.example", 3128, null, null, "localhost|*.school.example")),
                settings.proxies());
        MavenSettings.Server server = settings.servers().get("school");
        assertEquals("${env.PROCLAB_NO_SUCH_VARIABLE}", server.username(), "an unknown variable stays as written, as in Maven");
        assertEquals("pw", server.password());
    }

    // As in Maven, the user's file comes first: for one id, and for the local repository, it wins.
    @Test
    void theUsersFileWinsOverTheInstallations() throws Exception {
        Path user = write("user.xml", "<mirrors><mirror><id>m</id><url>http://user.example/</url><mirrorOf>*</mirrorOf></mirror></mirrors>");
        Path global = write("global.xml", "<localRepository>/srv/m2</localRepository><mirrors>"
                + "<mirror><id>m</id><url>http://global.example/</url><mirrorOf>*</mirrorOf></mirror>"
                + "<mirror><id>other</id><url>http://other.example/</url></mirror></mirrors>");
        MavenSettings settings = MavenSettings.read(List.of(user, global));
        assertEquals(List.of(new MavenSettings.Mirror("m", "http://user.example/", "*"),
                new MavenSettings.Mirror("other", "http://other.example/", "*")), settings.mirrors());
        assertEquals(Optional.of(Path.of("/srv/m2")), settings.localRepository());
    }

    @Test
    void noFilesMeansNoSettings() throws Exception {
        MavenSettings settings = MavenSettings.read(List.of(dir.resolve("none.xml")));
        assertEquals(Optional.empty(), settings.localRepository());
        assertTrue(settings.mirrors().isEmpty() && settings.proxies().isEmpty() && settings.servers().isEmpty());
    }

    @Test
    void brokenXmlNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, "<settings>\n<mirrors>\n</settings>\n");
        String message = assertThrows(ClassPathException.class, () -> MavenSettings.read(List.of(file))).getMessage();
        assertTrue(message.startsWith(file + " is not valid XML (line 3: "), message);
    }

    // A document type could pull in other files; settings never need one, so it is refused.
    @Test
    void aDocumentTypeIsRefused() throws Exception {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE settings [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<settings><localRepository>&x;</localRepository></settings>\n");
        String message = assertThrows(ClassPathException.class, () -> MavenSettings.read(List.of(file))).getMessage();
        assertTrue(message.contains("is not valid XML") && message.contains("DOCTYPE"), message);
    }

    @Test
    void anEncryptedPasswordIsRefusedNotSent() throws Exception {
        Path file = write("settings.xml", "<servers><server><id>s</id><username>u</username>"
                + "<password>{COQLCE6DU6GtcS5P=}</password></server></servers>");
        String message = assertThrows(ClassPathException.class, () -> MavenSettings.read(List.of(file))).getMessage();
        assertTrue(message.contains("encrypted by Maven, which %maven cannot decrypt"), message);
    }

    @Test
    void aProxyPortMustBeANumber() throws Exception {
        Path file = write("settings.xml", "<proxies><proxy><host>p.example</host><port>eighty</port></proxy></proxies>");
        String message = assertThrows(ClassPathException.class, () -> MavenSettings.read(List.of(file))).getMessage();
        assertTrue(message.endsWith("the proxy port eighty is not a number"), message);
    }
}
