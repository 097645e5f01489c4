package org.opencce.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md: {@code domain} is plain Java with no I/O and no framework;
 * {@code formats}, {@code store} and {@code optimizer} see only {@code domain}; only {@code app} wires
 * everything.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The other modules arrive as jars (from the reactor or ~/.m2), so jars are not excluded;
                // the package filter keeps third-party code out.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.opencce");
        // A rule over an empty import passes vacuously: make sure the modules were really found.
        for (String module : new String[] {"domain", "formats", "store", "app"}) {
            if (production.stream().noneMatch(c -> c.getPackageName().startsWith("org.opencce." + module))) {
                throw new AssertionError("no classes of module " + module + " were imported");
            }
        }
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.opencce.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.opencce.domain..")
                .because("all computation lives in domain, free of frameworks (DESIGN.md, Modules)")
                .check(production);
    }

    @Test
    void domainDoesNoInputOrOutput() {
        noClasses().that().resideInAPackage("org.opencce.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.sql..", "java.nio.channels..")
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("reading files, the database and the network happens only at the edges (DESIGN.md)")
                .check(production);
    }

    @Test
    void formatsSeeOnlyTheDomain() {
        noClasses().that().resideInAPackage("org.opencce.formats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencce.store..", "org.opencce.optimizer..",
                        "org.opencce.app..")
                .check(production);
    }

    @Test
    void storeSeesOnlyTheDomain() {
        noClasses().that().resideInAPackage("org.opencce.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencce.formats..", "org.opencce.optimizer..",
                        "org.opencce.app..")
                .check(production);
    }

    @Test
    void optimizerSeesOnlyTheDomain() {
        noClasses().that().resideInAPackage("org.opencce.optimizer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencce.formats..", "org.opencce.store..",
                        "org.opencce.app..")
                .allowEmptyShould(true)
                .check(production);
    }
}
