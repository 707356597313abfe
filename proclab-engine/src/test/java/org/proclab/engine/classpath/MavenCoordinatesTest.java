package org.proclab.engine.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@code %maven}'s coordinates. */
class MavenCoordinatesTest {
    @Test
    void groupArtifactVersion() throws ClassPathException {
        MavenCoordinates coordinates = MavenCoordinates.parse("org.apache.commons:commons-lang3:3.14.0");
        assertEquals(new MavenCoordinates("org.apache.commons", "commons-lang3", "jar", "", "3.14.0"), coordinates);
        assertEquals("org.apache.commons:commons-lang3:3.14.0", coordinates.toString());
        assertEquals("org.apache.commons:commons-lang3:jar", coordinates.versionlessKey());
    }

    @Test
    void extensionClassifierAndRanges() throws ClassPathException {
        assertEquals(new MavenCoordinates("g", "a", "zip", "", "1.0"), MavenCoordinates.parse("g:a:zip:1.0"));
        MavenCoordinates classified = MavenCoordinates.parse("org.openjfx:javafx-base:jar:linux:21");
        assertEquals("linux", classified.classifier());
        assertEquals("org.openjfx:javafx-base:jar:linux:21", classified.toString());
        assertEquals("org.openjfx:javafx-base:jar:linux", classified.versionlessKey());
        assertEquals("[3.0,4.0)", MavenCoordinates.parse("g:a:[3.0,4.0)").version());
    }

    // Two versions of one artifact share the key that keeps them from both being added.
    @Test
    void versionsShareTheirKey() throws ClassPathException {
        assertEquals(MavenCoordinates.parse("g:a:1.0").versionlessKey(), MavenCoordinates.parse("g:a:2.0").versionlessKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"commons-lang3", "g:a", "g::1.0", ":a:1.0", "g:a:", "g:a:b:c:d:1.0", "g a:b:1.0", "g:a:1.0;rm"})
    void badSyntaxIsOneSentence(String text) {
        assertEquals("'" + text + "' is not a Maven coordinate; write groupId:artifactId:version, e.g. "
                + MavenCoordinates.EXAMPLE, assertThrows(ClassPathException.class, () -> MavenCoordinates.parse(text)).getMessage());
    }
}
