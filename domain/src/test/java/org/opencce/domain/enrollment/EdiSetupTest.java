package org.opencce.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opencce.domain.Fixtures;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.ProductId;
import org.opencce.domain.community.Utility;

class EdiSetupTest {
    private static final EdiPartner VALLEY = EdiPartner.of("VALLEY GREEN ENERGY", "ZZ", "VALLEYGREEN");
    private static final EdiPartner EVERSOURCE = EdiPartner.of("EVERSOURCE ENERGY", "ZZ", "EVERSOURCEWMA");
    private static final EdiPartner NGRID = EdiPartner.of("NATIONAL GRID", "ZZ", "NGRIDMECO");

    @Nested
    class Partners {
        @Test
        void theIsaQualifierFollowsTheKindOfId() {
            // X12 004010 I05: 01 D-U-N-S, 14 D-U-N-S plus suffix, ZZ mutually defined
            assertThat(EdiPartner.interchangeQualifierOf("1")).isEqualTo("01");
            assertThat(EdiPartner.interchangeQualifierOf("9")).isEqualTo("14");
            assertThat(EdiPartner.interchangeQualifierOf("ZZ")).isEqualTo("ZZ");
            EdiPartner duns = EdiPartner.of("EXAMPLE UTILITY", "1", "000000001");
            assertThat(duns).isEqualTo(new EdiPartner("EXAMPLE UTILITY", "1", "000000001", "01", "000000001",
                    "000000001"));
            assertThat(EdiPartner.of("X", "9", "0000000011234").interchangeQualifier()).isEqualTo("14");
        }

        @Test
        void eachValueIsCheckedAgainstItsX12Element() {
            assertThatThrownBy(() -> EdiPartner.of("A*B", "ZZ", "AB")).hasMessage("EDI partner name (N102) must be"
                    + " 1 to 60 printable ASCII characters without * ~ >, was 'A*B'");
            assertThatThrownBy(() -> EdiPartner.of("", "ZZ", "AB")).hasMessageContaining("name (N102)");
            assertThatThrownBy(() -> EdiPartner.of("Zoë", "ZZ", "AB")).hasMessageContaining("name (N102)");
            assertThatThrownBy(() -> EdiPartner.of("N".repeat(61), "ZZ", "AB")).hasMessageContaining("name (N102)");
            assertThat(EdiPartner.of("N".repeat(60), "ZZ", "AB").name()).hasSize(60);
            assertThatThrownBy(() -> EdiPartner.of("N", "01", "AB")).hasMessage("EDI partner qualifier (N103) must be"
                    + " 1 (D-U-N-S), 9 (D-U-N-S+4) or ZZ (mutually defined), was '01'");
            assertThatThrownBy(() -> EdiPartner.of("N", "ZZ", "A")).hasMessage("EDI partner id (N104) must be 2 to 80"
                    + " letters, digits or dashes, was 'A'");
            assertThatThrownBy(() -> new EdiPartner("N", "ZZ", "AB", "zz", "AB", "AB")).hasMessage("EDI partner"
                    + " interchange qualifier (ISA05/ISA07) must be 2 capital letters or digits, such as 01 (D-U-N-S)"
                    + " or ZZ, was 'zz'");
            assertThatThrownBy(() -> EdiPartner.of("N", "ZZ", "A234567890123456")).hasMessage("EDI partner interchange"
                    + " id (ISA06/ISA08) must be 1 to 15 letters, digits, dashes or inner spaces, was"
                    + " 'A234567890123456'");
            // a long N1 id goes with an ISA id of its own
            assertThat(new EdiPartner("N", "ZZ", "A234567890123456", "ZZ", "A23456789012345", "AB").interchangeId())
                    .hasSize(15);
        }

        @Test
        void eachRuleCanBeAskedAloneForAFileReaderToReport() {
            assertThat(EdiPartner.problemWithName("VALLEY GREEN ENERGY")).isEmpty();
            assertThat(EdiPartner.problemWithName("A~B")).contains("must be 1 to 60 printable ASCII characters"
                    + " without * ~ >, was 'A~B'");
            assertThat(EdiPartner.problemWithQualifier("ZZ")).isEmpty();
            assertThat(EdiPartner.problemWithQualifier("14")).isPresent();
            assertThat(EdiPartner.problemWithId("VALLEYGREEN")).isEmpty();
            assertThat(EdiPartner.problemWithId("A B")).isPresent();
            assertThat(EdiPartner.problemWithInterchangeQualifier("01")).isEmpty();
            assertThat(EdiPartner.problemWithInterchangeQualifier("1")).isPresent();
            assertThat(EdiPartner.problemWithInterchangeId("VALLEY GREEN")).isEmpty();
            assertThat(EdiPartner.problemWithInterchangeId("VALLEY GREEN ")).isPresent();
            assertThat(EdiPartner.problemWithApplicationCode("VALLEYGREEN")).isEmpty();
            assertThat(EdiPartner.problemWithApplicationCode(null)).contains("must be 2 to 15 letters, digits or"
                    + " dashes, was 'null'");
        }

        @Test
        void anInterchangeIdMayHoldInnerSpacesButNotEndWithOne() {
            assertThat(new EdiPartner("N", "ZZ", "AB", "ZZ", "AB CD", "AB").interchangeId()).isEqualTo("AB CD");
            assertThat(new EdiPartner("N", "ZZ", "AB", "ZZ", "A", "AB").interchangeId()).isEqualTo("A");
            assertThatThrownBy(() -> new EdiPartner("N", "ZZ", "AB", "ZZ", " AB", "AB"))
                    .hasMessageContaining("interchange id (ISA06/ISA08)");
            assertThatThrownBy(() -> new EdiPartner("N", "ZZ", "AB", "ZZ", "AB ", "AB"))
                    .hasMessageContaining("interchange id (ISA06/ISA08)");
            assertThatThrownBy(() -> new EdiPartner("N", "ZZ", "AB", "ZZ", "AB", "A")).hasMessage("EDI partner"
                    + " application code (GS02/GS03) must be 2 to 15 letters, digits or dashes, was 'A'");
            assertThatThrownBy(() -> new EdiPartner("N", "ZZ", "AB", "ZZ", "AB", "A B"))
                    .hasMessageContaining("application code");
            assertThatThrownBy(() -> new EdiPartner("N", "ZZ", "AB", "ZZ", "AB", null))
                    .isInstanceOf(NullPointerException.class).hasMessage("application code (GS02/GS03)");
        }

        @Test
        void partnersAreToldApartByTheirN1OrTheirIsaIds() {
            assertThat(VALLEY.sharesAnIdWith(EVERSOURCE)).isFalse();
            assertThat(VALLEY.sharesAnIdWith(EdiPartner.of("OTHER NAME", "ZZ", "VALLEYGREEN"))).isTrue();
            // the same N1 id of another kind is another id
            assertThat(VALLEY.sharesAnIdWith(new EdiPartner("X", "1", "VALLEYGREEN", "01", "OTHER", "OTHER")))
                    .isFalse();
            // the same ISA id under another N1 id
            assertThat(VALLEY.sharesAnIdWith(new EdiPartner("X", "ZZ", "OTHER", "ZZ", "VALLEYGREEN", "OTHER")))
                    .isTrue();
            assertThat(VALLEY.sharesAnIdWith(new EdiPartner("X", "ZZ", "OTHER", "01", "VALLEYGREEN", "OTHER")))
                    .isFalse();
        }
    }

    @Test
    void theTestDefaultsArePlainlyFictitiousAndMarkedTest() {
        EdiSetup defaults = EdiSetup.testDefaults();
        assertThat(defaults.usage()).isEqualTo(EdiSetup.Usage.TEST);
        assertThat(defaults.supplier()).isEqualTo(new EdiPartner("OPENCCE TEST SUPPLIER", "ZZ", "TEST-SUPPLIER", "ZZ",
                "TEST-SUPPLIER", "TEST-SUPPLIER"));
        assertThat(defaults.utility(Utility.EVERSOURCE_WMA).id()).isEqualTo("TEST-EVERSOURCE");
        assertThat(defaults.utility(Utility.NATIONAL_GRID_MA).id()).isEqualTo("TEST-NGRID");
        assertThat(defaults.productCodes()).isEmpty();
        assertThat(defaults.productCode(Fixtures.GREEN_100)).isEqualTo("green-100");
    }

    @Test
    void aUtilityIsFoundByItsIsaId() {
        EdiSetup setup = new EdiSetup(EdiSetup.Usage.PRODUCTION, VALLEY, Map.of(Utility.EVERSOURCE_WMA, EVERSOURCE,
                Utility.NATIONAL_GRID_MA, NGRID), Map.of());
        assertThat(setup.utilityByInterchangeId("ZZ", "NGRIDMECO")).contains(Utility.NATIONAL_GRID_MA);
        assertThat(setup.utilityByInterchangeId("ZZ", "EVERSOURCEWMA")).contains(Utility.EVERSOURCE_WMA);
        assertThat(setup.utilityByInterchangeId("01", "NGRIDMECO")).isEmpty();
        assertThat(setup.utilityByInterchangeId("ZZ", "VALLEYGREEN")).isEmpty();
    }

    @Test
    void aUtilityWithoutAPartnerCannotBeSent() {
        EdiSetup setup = new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(Utility.EVERSOURCE_WMA, EVERSOURCE),
                Map.of());
        assertThatThrownBy(() -> setup.utility(Utility.NATIONAL_GRID_MA)).isInstanceOf(OpenCceException.class)
                .hasMessage("the program's EDI setup names no trading partner for National Grid (Massachusetts"
                        + " Electric Co.); add it under edi.utilities in the program file (docs/formats/program.md)");
        assertThat(new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(), Map.of()).utilities()).isEmpty();
    }

    @Test
    void noTwoPartiesShareAnId() {
        assertThatThrownBy(() -> new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(Utility.NATIONAL_GRID_MA,
                EdiPartner.of("NATIONAL GRID", "ZZ", "VALLEYGREEN")), Map.of()))
                .hasMessage("EDI partner of NATIONAL_GRID_MA has an id of the program's supplier (ZZ VALLEYGREEN, ISA"
                        + " VALLEYGREEN); each party needs its own ids");
        Map<Utility, EdiPartner> same = new LinkedHashMap<>();
        same.put(Utility.NATIONAL_GRID_MA, EVERSOURCE);
        same.put(Utility.EVERSOURCE_WMA, EVERSOURCE);
        assertThatThrownBy(() -> new EdiSetup(EdiSetup.Usage.TEST, VALLEY, same, Map.of()))
                .hasMessage("EDI partners of EVERSOURCE_WMA and NATIONAL_GRID_MA share an id; each utility needs its"
                        + " own N1 and ISA ids");
    }

    @Test
    void aProductIsBilledUnderItsCodeOrItsId() {
        ProductId longId = new ProductId("a-product-whose-id-is-longer-than-thirty");
        EdiSetup setup = new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(), Map.of(Fixtures.STANDARD, "STD-10"));
        assertThat(setup.productCode(Fixtures.STANDARD)).isEqualTo("STD-10");
        assertThat(setup.productCode(Fixtures.BASIC)).isEqualTo("basic");
        assertThat(setup.productCode(new ProductId("p".repeat(30)))).hasSize(30);
        assertThatThrownBy(() -> setup.productCode(longId)).isInstanceOf(OpenCceException.class)
                .hasMessage("product a-product-whose-id-is-longer-than-thirty has no EDI product code and its id is"
                        + " longer than the 30 characters of REF*RB; give it one under edi.product_codes in the"
                        + " program file");
        assertThat(new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(), Map.of(longId, "LONG")).productCode(longId))
                .isEqualTo("LONG");
        assertThatThrownBy(() -> new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(), Map.of(Fixtures.BASIC, "B 1")))
                .hasMessage("EDI product code of basic must be 1 to 30 letters, digits or dashes (REF*RB), was 'B 1'");
        assertThatThrownBy(() -> new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(), Map.of(Fixtures.BASIC,
                "B".repeat(31)))).hasMessageContaining("must be 1 to 30");
        assertThatThrownBy(() -> new EdiSetup(EdiSetup.Usage.TEST, VALLEY, Map.of(), Map.of(Fixtures.BASIC, "X",
                Fixtures.STANDARD, "X"))).hasMessage("products basic and standard have the same EDI product code X");
        assertThat(EdiSetup.problemWithProductCode("STD-10")).isEmpty();
        assertThat(EdiSetup.problemWithProductCode(null)).contains("must be 1 to 30 letters, digits or dashes"
                + " (REF*RB), was 'null'");
    }

    @Test
    void theSetupKeepsItsOwnCopies() {
        Map<ProductId, String> codes = new LinkedHashMap<>(Map.of(Fixtures.STANDARD, "STD"));
        Map<Utility, EdiPartner> utilities = new LinkedHashMap<>(Map.of(Utility.EVERSOURCE_WMA, EVERSOURCE));
        EdiSetup setup = new EdiSetup(EdiSetup.Usage.TEST, VALLEY, utilities, codes);
        codes.clear();
        utilities.clear();
        assertThat(setup.productCodes()).containsEntry(Fixtures.STANDARD, "STD");
        assertThat(setup.utilities()).containsKey(Utility.EVERSOURCE_WMA);
        assertThatThrownBy(() -> setup.productCodes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> setup.utilities().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
