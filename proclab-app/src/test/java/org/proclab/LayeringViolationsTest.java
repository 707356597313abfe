package org.proclab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.proclab.engine.fixture.StartsTheKernel;
import org.proclab.engine.fixture.ping.Ping;
import org.proclab.engine.fixture.pong.Pong;
import org.proclab.fixture.Unlayered;
import org.proclab.mp.fixture.ReadsJson;

/**
 * Each rule of {@link LayeringTest} run on deliberately wrong classes (the fixtures in this module's
 * tests, which {@code LayeringTest} does not import) reports the dependency that breaks it: a rule
 * that cannot fail guards nothing.
 */
class LayeringViolationsTest {

    // An engine class that calls the kernel is a back-edge between modules.
    @Test
    void anEngineClassThatCallsTheKernelBreaksTheLayers() {
        assertReported(LayeringTest.LAYERS, List.of(StartsTheKernel.class),
                StartsTheKernel.class.getName(), "org.proclab.kernel.KernelMain");
    }

    // A package of org.proclab outside every layer could carry a back-edge past the layering rule.
    @Test
    void aPackageOutsideTheLayersIsReported() {
        assertReported(LayeringTest.EVERY_PACKAGE_IN_A_LAYER, List.of(Unlayered.class), Unlayered.class.getName());
    }

    // Jackson is in every layer's class path but a child's; the library may not use it.
    @Test
    void aLibraryClassThatNeedsJacksonBreaksTheJdkOnlyRule() {
        assertReported(LayeringTest.LIBRARY_NEEDS_THE_JDK_ONLY, List.of(ReadsJson.class),
                ReadsJson.class.getName(), "com.fasterxml.jackson.databind.ObjectMapper");
    }

    // The app layer may use the kernel, but not Jupyter's messages.
    @Test
    void aJupyterMessageOutsideTheKernelIsReported() {
        assertReported(LayeringTest.PROTOCOL_STAYS_IN_THE_FRONT_END, List.of(SendsStatus.class),
                SendsStatus.class.getName(), "org.proclab.kernel.protocol.Status");
    }

    // Two packages that import each other are a cycle, even inside one layer.
    @Test
    void twoPackagesThatImportEachOtherAreACycle() {
        assertReported(LayeringTest.NO_PACKAGE_CYCLES, List.of(Ping.class, Pong.class),
                "Cycle detected", Ping.class.getName(), Pong.class.getName());
    }

    /** Asserts that {@code rule}, run on {@code fixtures} alone, reports a violation naming all of {@code words}. */
    private static void assertReported(ArchRule rule, List<Class<?>> fixtures, String... words) {
        List<String> details = rule.evaluate(new ClassFileImporter().importClasses(fixtures))
                .getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(detail -> Stream.of(words).allMatch(detail::contains)),
                () -> "'" + rule.getDescription() + "' reported no violation naming " + List.of(words) + ": " + details);
    }
}
