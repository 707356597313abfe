package org.proclab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.module.ModuleFinder;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The modules are the layers (decision 022), and these rules hold every module's classes to them. The
 * compiler already keeps a module from importing one above it; the rules also catch what it lets
 * through: a package cycle inside a module, a package outside every layer, a library that gains a
 * dependency besides the JDK (a child JVM loads its jar alone), Jupyter's messages used outside the
 * front end. Each rule
 * is shown to fail on a deliberately wrong class in {@link LayeringViolationsTest}.
 */
@AnalyzeClasses(packages = "org.proclab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    /** What a child JVM loads: the multiprocessing library and the display API. */
    private static final String[] LIBRARY = {"org.proclab.mp..", "org.proclab.display.."};
    private static final String[] ENGINE = {"org.proclab.engine..", "org.proclab.magic..", "org.proclab.render.."};
    private static final String COURSE = "org.proclab.course..";
    private static final String KERNEL = "org.proclab.kernel..";
    /** {@code org.proclab.Main} and the installer, {@code org.proclab.app}. */
    private static final String[] APP = {"org.proclab", "org.proclab.app.."};

    /** Every package in the JDK's own modules, exported or not. */
    private static final Set<String> JDK_PACKAGES = ModuleFinder.ofSystem().findAll().stream()
            .flatMap(module -> module.descriptor().packages().stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final DescribedPredicate<JavaClass> IN_THE_JDK =
            DescribedPredicate.describe("are in the JDK", type -> JDK_PACKAGES.contains(type.getPackageName()));

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Library").definedBy(LIBRARY)
            .layer("Engine").definedBy(ENGINE)
            .layer("Course").definedBy(COURSE)
            .layer("Kernel").definedBy(KERNEL)
            .layer("App").definedBy(APP)
            .whereLayer("Library").mayNotAccessAnyLayer()
            .whereLayer("Engine").mayOnlyAccessLayers("Library")
            .whereLayer("Course").mayOnlyAccessLayers("Engine", "Library")
            .whereLayer("Kernel").mayOnlyAccessLayers("Course", "Engine", "Library")
            .because("each module depends only on the modules below it (decision 022)");

    @ArchTest
    static final ArchRule EVERY_PACKAGE_IN_A_LAYER = classes().that().resideInAPackage("org.proclab..")
            .should().resideInAnyPackage(Stream.of(LIBRARY, ENGINE, new String[] {COURSE, KERNEL}, APP)
                    .flatMap(Stream::of).toArray(String[]::new))
            .because("a package outside every layer would escape the layering rule");

    @ArchTest
    static final ArchRule LIBRARY_NEEDS_THE_JDK_ONLY = classes().that().resideInAnyPackage(LIBRARY)
            .should().onlyDependOnClassesThat(IN_THE_JDK.or(JavaClass.Predicates.resideInAnyPackage(LIBRARY)))
            .because("a child JVM starts with proclab-mp.jar alone on its class path (decision 022)");

    @ArchTest
    static final ArchRule PROTOCOL_STAYS_IN_THE_FRONT_END = noClasses().that().resideOutsideOfPackage(KERNEL)
            .should().dependOnClassesThat().resideInAnyPackage("org.proclab.kernel.wire..", "org.proclab.kernel.protocol..")
            .because("only the Jupyter front end speaks Jupyter's messages; the engine reports in its own types");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.proclab.(**)").should().beFreeOfCycles()
            .because("a package that imports a package importing it back is one package split in two");
}
