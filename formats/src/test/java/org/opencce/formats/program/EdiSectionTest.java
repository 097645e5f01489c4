package org.opencce.formats.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencce.formats.program.ProgramFileReaderTest.VALID;
import static org.opencce.formats.program.ProgramFileReaderTest.problems;
import static org.opencce.formats.program.ProgramFileReaderTest.read;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiPartner;
import org.opencce.domain.enrollment.EdiSetup;

/** The optional {@code edi:} section of the program file (docs/formats/program.md, "edi"). */
class EdiSectionTest {
    /** Starts on line 39, after {@link ProgramFileReaderTest#VALID}, whose towns are all Eversource's. */
    private static final String EDI = """
            edi:
              usage: production
              supplier:
                name: VALLEY GREEN ENERGY
                qualifier: ZZ
                id: VALLEYGREEN
              utilities:
                eversource:
                  name: EVERSOURCE ENERGY
                  qualifier: "1"
                  id: "000000001"
                  application_code: EVERSOURCE
              product_codes:
                standard: STD-10
            """;

    @Test
    void theSectionGivesTheSetupWithTheIsaAndGsIdsFollowingTheN1Ids() {
        ProgramFile file = read(VALID + EDI).orElseThrow();
        assertThat(file.edi()).contains(new EdiSetup(EdiSetup.Usage.PRODUCTION,
                new EdiPartner("VALLEY GREEN ENERGY", "ZZ", "VALLEYGREEN", "ZZ", "VALLEYGREEN", "VALLEYGREEN"),
                Map.of(Utility.EVERSOURCE_WMA, new EdiPartner("EVERSOURCE ENERGY", "1", "000000001", "01", "000000001",
                        "EVERSOURCE")),
                Map.of(new ProductId("standard"), "STD-10")));
    }

    @Test
    void withoutTheSectionTheProgramUsesTheTestDefaultsAndTheUsageIsTestUnlessSaidOtherwise() {
        assertThat(read(VALID).orElseThrow().edi()).isEmpty();
        assertThat(new ProgramFile("p.yaml", read(VALID).orElseThrow().definition()).edi()).isEmpty();
        EdiSetup test = read(VALID + EDI.replace("  usage: production\n", "")).orElseThrow().edi().orElseThrow();
        assertThat(test.usage()).isEqualTo(EdiSetup.Usage.TEST);
        assertThat(read(VALID + EDI.replace("usage: production", "usage: test")).orElseThrow().edi().orElseThrow()
                .usage()).isEqualTo(EdiSetup.Usage.TEST);
        assertThat(read(VALID + EDI.replace("  product_codes:\n    standard: STD-10\n", "")).orElseThrow().edi()
                .orElseThrow().productCodes()).isEmpty();
    }

    @Test
    void theIsaIdsMayBeGivenApart() {
        EdiSetup setup = read(VALID + EDI.replace("    id: VALLEYGREEN\n", "    id: VALLEYGREEN\n"
                + "    interchange_qualifier: \"01\"\n    interchange_id: VALLEY GREEN\n"
                + "    application_code: VGE\n")).orElseThrow().edi().orElseThrow();
        assertThat(setup.supplier()).isEqualTo(new EdiPartner("VALLEY GREEN ENERGY", "ZZ", "VALLEYGREEN", "01",
                "VALLEY GREEN", "VGE"));
    }

    @Test
    void everyProblemIsNamedWithItsLineAndField() {
        assertThat(problems(VALID + EDI.replace("usage: production", "usage: live"))).containsExactly(
                "program.yaml line 40, edi.usage: must be test or production, was 'live'");
        assertThat(problems(VALID + EDI.replace("qualifier: ZZ", "qualifier: \"01\""))).containsExactly(
                "program.yaml line 43, edi.supplier.qualifier: must be 1 (D-U-N-S), 9 (D-U-N-S+4) or ZZ (mutually"
                        + " defined), was '01'");
        assertThat(problems(VALID + EDI.replace("name: VALLEY GREEN ENERGY", "name: VALLEY*GREEN"))).containsExactly(
                "program.yaml line 42, edi.supplier.name: must be 1 to 60 printable ASCII characters without * ~ >,"
                        + " was 'VALLEY*GREEN'");
        assertThat(problems(VALID + EDI.replace("id: VALLEYGREEN", "id: V"))).containsExactly(
                "program.yaml line 44, edi.supplier.id: must be 2 to 80 letters, digits or dashes, was 'V'");
        assertThat(problems(VALID + EDI.replace("id: VALLEYGREEN", "id: VALLEYGREENENERGY"))).containsExactly(
                "program.yaml line 44, edi.supplier.id: is longer than the 15 characters of the ISA header"
                        + " (ISA06/ISA08); give interchange_id too, was 'VALLEYGREENENERGY'");
        assertThat(problems(VALID + EDI.replace("    id: VALLEYGREEN\n", "    id: VALLEYGREEN\n"
                + "    interchange_id: VALLEY GREEN\n"))).containsExactly(
                "program.yaml line 45, edi.supplier.interchange_id: holds a space, which the GS header's application"
                        + " code (GS02/GS03) cannot; give application_code too, was 'VALLEY GREEN'");
        assertThat(problems(VALID + EDI.replace("    id: VALLEYGREEN\n", "    id: VALLEYGREEN\n"
                + "    interchange_id: -VALLEY\n    interchange_qualifier: z\n    application_code: V\n")))
                .containsExactly(
                "program.yaml line 45, edi.supplier.interchange_id: must be 1 to 15 letters, digits, dashes or inner"
                        + " spaces, was '-VALLEY'",
                "program.yaml line 46, edi.supplier.interchange_qualifier: must be 2 capital letters or digits, such"
                        + " as 01 (D-U-N-S) or ZZ, was 'z'",
                "program.yaml line 47, edi.supplier.application_code: must be 2 to 15 letters, digits or dashes, was"
                        + " 'V'");
    }

    @Test
    void eachIsaOrGsIdGivenApartIsCheckedAlone() {
        String supplier = "    id: VALLEYGREEN\n";
        assertThat(problems(VALID + EDI.replace(supplier, supplier + "    interchange_qualifier: z\n")))
                .containsExactly("program.yaml line 45, edi.supplier.interchange_qualifier: must be 2 capital letters or"
                        + " digits, such as 01 (D-U-N-S) or ZZ, was 'z'");
        assertThat(problems(VALID + EDI.replace(supplier, supplier + "    interchange_id: -VALLEY\n")))
                .containsExactly("program.yaml line 45, edi.supplier.interchange_id: must be 1 to 15 letters, digits,"
                        + " dashes or inner spaces, was '-VALLEY'");
        assertThat(problems(VALID + EDI.replace(supplier, supplier + "    application_code: V\n")))
                .containsExactly("program.yaml line 45, edi.supplier.application_code: must be 2 to 15 letters, digits"
                        + " or dashes, was 'V'");
    }

    @Test
    void theSupplierAndEveryUtilityOfTheTownsAreRequired() {
        assertThat(problems(VALID + "edi:\n  usage: test\n")).containsExactly(
                "program.yaml line 40, edi.supplier: is required (edi starts on line 40)",
                "program.yaml line 40, edi.utilities: is required (edi starts on line 40)");
        assertThat(problems(VALID + EDI.replace("    eversource:", "    national-grid:"))).containsExactly(
                "program.yaml line 46, edi.utilities.eversource: is required: Amherst, Pelham are served by"
                        + " Eversource (Western Massachusetts)");
        assertThat(problems(VALID.replace("  - name: Pelham\n    utility: EVERSOURCE_WMA", "  - name: Pelham\n"
                + "    utility: national-grid") + EDI)).containsExactly(
                "program.yaml line 46, edi.utilities.national-grid: is required: Pelham is served by National Grid"
                        + " (Massachusetts Electric Co.)");
        assertThat(problems(VALID + EDI.replace("    eversource:", "    unitil:"))).contains(
                "program.yaml line 46, edi.utilities.unitil: unknown key; the keys here are eversource, national-grid");
        assertThat(problems(VALID + "edi: yes\n")).containsExactly("program.yaml line 39, edi: must be a mapping of"
                + " keys (usage, supplier, utilities, product_codes), was a single value");
        assertThat(problems(VALID + EDI.replace("  supplier:\n", "  supplier: VALLEYGREEN\n  x:\n"))).contains(
                "program.yaml line 41, edi.supplier: must be a mapping of keys (name, qualifier, id,"
                        + " interchange_qualifier, interchange_id, application_code), was a single value");
        assertThat(problems(VALID + EDI.replace("  utilities:\n    eversource:\n", "  utilities: none\n  y:\n")))
                .contains("program.yaml line 45, edi.utilities: must be a mapping of keys (eversource, national-grid),"
                        + " was a single value");
    }

    @Test
    void productCodesNameTheFilesProductsAndAreUniqueAndShort() {
        assertThat(problems(VALID + EDI.replace("standard: STD-10", "premium: PRM"))).containsExactly(
                "program.yaml line 52, edi.product_codes.premium: unknown key; the keys here are basic, standard");
        assertThat(problems(VALID + EDI.replace("standard: STD-10", "standard: STD 10"))).containsExactly(
                "program.yaml line 52, edi.product_codes.standard: must be 1 to 30 letters, digits or dashes"
                        + " (REF*RB), was 'STD 10'");
        assertThat(problems(VALID + EDI.replace("standard: STD-10", "standard: STD\n    basic: STD"))).containsExactly(
                "program.yaml line 39, edi: products basic and standard have the same EDI product code STD");
        assertThat(problems(VALID + EDI.replace("  product_codes:\n    standard: STD-10\n", "  product_codes: STD\n")))
                .containsExactly("program.yaml line 51, edi.product_codes: must be a mapping of keys (basic,"
                        + " standard), was a single value");
        // with broken products the codes cannot be matched, so only the products' own problem is reported
        assertThat(problems(VALID.replace("id: basic", "id: Basic") + EDI.replace("standard: STD-10", "x: X")))
                .hasSize(1).allMatch(p -> p.contains("products[0].id"));
    }

    @Test
    void partiesThatShareAnIdAreRefused() {
        assertThat(problems(VALID + EDI.replace("id: \"000000001\"", "id: VALLEYGREEN").replace("qualifier: \"1\"",
                "qualifier: ZZ"))).containsExactly("program.yaml line 39, edi: EDI partner of EVERSOURCE_WMA has an id"
                        + " of the program's supplier (ZZ VALLEYGREEN, ISA VALLEYGREEN); each party needs its own ids");
        assertThat(read(VALID + EDI).orElseThrow().edi()).map(EdiSetup::usage).isEqualTo(Optional.of(
                EdiSetup.Usage.PRODUCTION));
    }

    @Test
    void aWrittenSectionReadsBackToTheSameSetupWithOnlyTheIdsThatDifferFromTheDerivedOnes() {
        EdiSetup setup = new EdiSetup(EdiSetup.Usage.PRODUCTION,
                new EdiPartner("VALLEY GREEN ENERGY", "ZZ", "VALLEYGREEN", "01", "VALLEY GREEN", "VGE"),
                Map.of(Utility.EVERSOURCE_WMA, EdiPartner.of("EVERSOURCE: WMA", "1", "000000001"),
                        Utility.NATIONAL_GRID_MA, new EdiPartner("NATIONAL GRID", "ZZ", "NGRIDMECO", "ZZ", "NGRIDMECO",
                                "NGRID")),
                Map.of(new ProductId("standard"), "STD-10", new ProductId("basic"), "0001"));
        String written = EdiSection.write(setup);
        assertThat(written).isEqualTo("""
                edi:
                  usage: production
                  supplier:
                    name: VALLEY GREEN ENERGY
                    qualifier: "ZZ"
                    id: "VALLEYGREEN"
                    interchange_qualifier: "01"
                    interchange_id: "VALLEY GREEN"
                    application_code: "VGE"
                  utilities:
                    eversource:
                      name: "EVERSOURCE: WMA"
                      qualifier: "1"
                      id: "000000001"
                    national-grid:
                      name: NATIONAL GRID
                      qualifier: "ZZ"
                      id: "NGRIDMECO"
                      application_code: "NGRID"
                  product_codes:
                    basic: 0001
                    standard: STD-10
                """);
        ProgramFile file = read(VALID + written).orElseThrow();
        assertThat(file.edi()).contains(setup);
        ProgramFile again = read(ProgramFileWriter.write(file.definition(), file.edi())).orElseThrow();
        assertThat(again.edi()).contains(setup);
        assertThat(ProgramFileWriter.write(file.definition(), Optional.empty()))
                .isEqualTo(ProgramFileWriter.write(file.definition()));
        EdiSetup test = new EdiSetup(EdiSetup.Usage.TEST, setup.supplier(), Map.of(), Map.of());
        assertThat(EdiSection.write(test)).contains("  usage: test\n").endsWith("  utilities:\n")
                .doesNotContain("product_codes");
    }

    @Test
    void theExampleOfTheFormatPageIsAValidSection() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/formats/program.md"));
        int start = page.indexOf("```yaml\nedi:\n") + "```yaml\n".length();
        String example = page.substring(start, page.indexOf("```", start));

        EdiSetup setup = read(VALID + example).orElseThrow().edi().orElseThrow();

        assertThat(setup.usage()).isEqualTo(EdiSetup.Usage.PRODUCTION);
        assertThat(setup.utility(Utility.NATIONAL_GRID_MA).applicationCode()).isEqualTo("NGRID");
        assertThat(setup.productCode(new ProductId("standard"))).isEqualTo("STD10");
    }
}
