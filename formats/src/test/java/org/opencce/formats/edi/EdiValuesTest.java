package org.opencce.formats.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.formats.edi.FunctionalAck997.AckCode;
import org.opencce.formats.edi.FunctionalAck997.ElementNote;
import org.opencce.formats.edi.FunctionalAck997.SegmentNote;
import org.opencce.formats.edi.FunctionalAck997.SetResult;
import org.opencce.formats.edi.InterchangeEnvelope.Usage;

/** The wire values refuse what cannot be an 814 or 997, with a message naming the field, value and rule. */
class EdiValuesTest {
    private static final UtilityAccountNumber ACCOUNT = new UtilityAccountNumber("54012345678");
    private static final ServiceAddress ADDRESS = new ServiceAddress("12 Kellogg Ave", "Amherst", "01002");

    @Nested
    class Parties {
        @Test
        void aPartyHasAnIdAQualifierAndAName() {
            assertThatThrownBy(() -> new EdiParty("X", "ZZ", "N")).hasMessage("party id (N104) must be 2 to 80 letters,"
                    + " digits or dashes, was 'X'");
            assertThatThrownBy(() -> new EdiParty("A".repeat(81), "ZZ", "N")).hasMessageContaining("must be 2 to 80");
            assertThat(new EdiParty("A".repeat(80), "1", "N").id()).hasSize(80);
            assertThatThrownBy(() -> new EdiParty("AB CD", "ZZ", "N")).hasMessageContaining("was 'AB CD'");
            assertThatThrownBy(() -> new EdiParty("123456789", "01", "N")).hasMessage("party id qualifier (N103) must be"
                    + " 1 (D-U-N-S), 9 (D-U-N-S+4) or ZZ (mutually defined), was '01'");
            assertThat(new EdiParty("1234567890123", "9", "N").qualifier()).isEqualTo("9");
            assertThatThrownBy(() -> new EdiParty("123456789", "1", " ")).hasMessage("party name (N102) of 1 123456789"
                    + " must not be blank");
        }

        @Test
        void aPartyIsIdentifiedByQualifierAndId() {
            EdiParty p = new EdiParty("123456789", "1", "N");
            assertThat(p.isIdentifiedBy("1", "123456789")).isTrue();
            assertThat(p.isIdentifiedBy("9", "123456789")).isFalse();
            assertThat(p.isIdentifiedBy("1", "123456780")).isFalse();
        }

        @Test
        void tradingPartnersHaveDistinctIds() {
            assertThatThrownBy(() -> new TradingPartners(EdiFixtures.VALLEY_GREEN,
                    Map.of(Utility.EVERSOURCE_WMA, new EdiParty("VALLEYGREEN", "ZZ", "X")))).hasMessage("utility"
                            + " EVERSOURCE_WMA has the supplier's own id ZZ VALLEYGREEN");
            assertThatThrownBy(() -> new TradingPartners(EdiFixtures.VALLEY_GREEN, Map.of(Utility.EVERSOURCE_WMA,
                    EdiFixtures.EVERSOURCE, Utility.NATIONAL_GRID_MA, new EdiParty("EVERSOURCEWMA", "ZZ", "Y"))))
                    .hasMessage("utilities EVERSOURCE_WMA and NATIONAL_GRID_MA have the same id ZZ EVERSOURCEWMA");
            // The same id under another qualifier is another party.
            assertThat(new TradingPartners(EdiFixtures.VALLEY_GREEN, Map.of(Utility.EVERSOURCE_WMA,
                    EdiFixtures.EVERSOURCE, Utility.NATIONAL_GRID_MA, new EdiParty("EVERSOURCEWMA", "1", "Y")))
                    .utilities()).hasSize(2);
            Map<Utility, EdiParty> withNull = new EnumMap<>(Utility.class);
            withNull.put(Utility.EVERSOURCE_WMA, null);
            assertThatThrownBy(() -> new TradingPartners(EdiFixtures.VALLEY_GREEN, withNull))
                    .isInstanceOf(NullPointerException.class).hasMessage("party of EVERSOURCE_WMA");
        }

        @Test
        void tradingPartnersFindTheUtilityOfAnId() {
            assertThat(EdiFixtures.PARTNERS.utilityIdentifiedBy("ZZ", "NGRIDMECO")).contains(Utility.NATIONAL_GRID_MA);
            assertThat(EdiFixtures.PARTNERS.utilityIdentifiedBy("1", "NGRIDMECO")).isEmpty();
            assertThat(EdiFixtures.PARTNERS.utilityParty(Utility.EVERSOURCE_WMA)).isEqualTo(EdiFixtures.EVERSOURCE);
            TradingPartners none = new TradingPartners(EdiFixtures.VALLEY_GREEN, Map.of());
            assertThat(none.utilities()).isEmpty();
            assertThatThrownBy(() -> none.utilityParty(Utility.EVERSOURCE_WMA)).hasMessage("no EDI trading partner is"
                    + " configured for utility EVERSOURCE_WMA; known: []");
        }

        @Test
        void tradingPartnersAreACopyInUtilityOrder() {
            Map<Utility, EdiParty> given = new java.util.LinkedHashMap<>();
            given.put(Utility.NATIONAL_GRID_MA, EdiFixtures.NATIONAL_GRID);
            given.put(Utility.EVERSOURCE_WMA, EdiFixtures.EVERSOURCE);
            TradingPartners partners = new TradingPartners(EdiFixtures.VALLEY_GREEN, given);
            given.clear();
            assertThat(partners.utilities().keySet()).containsExactly(Utility.EVERSOURCE_WMA, Utility.NATIONAL_GRID_MA);
            assertThatThrownBy(() -> partners.utilities().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Envelopes {
        private InterchangeEnvelope envelope(String senderQualifier, String senderId, String appSender, long isa,
                long gs, LocalDateTime created) {
            return new InterchangeEnvelope(senderQualifier, senderId, "ZZ", "EVERSOURCEWMA", appSender, "EVERSOURCEWMA",
                    isa, gs, created, Usage.TEST);
        }

        @Test
        void idsAndCodesFollowTheIsaAndGsRules() {
            LocalDateTime t = EdiFixtures.SENT;
            assertThatThrownBy(() -> envelope("Z", "VG", "VG", 1, 1, t)).hasMessage("sender qualifier (ISA05) must be 2"
                    + " letters or digits, such as 01 or ZZ, was 'Z'");
            assertThatThrownBy(() -> envelope("ZZ", "A".repeat(16), "VG", 1, 1, t)).hasMessage("sender id (ISA06) must"
                    + " be 1 to 15 letters, digits, spaces or dashes, not starting or ending with a space, was '"
                    + "A".repeat(16) + "'");
            assertThat(envelope("ZZ", "A".repeat(15), "VG", 1, 1, t).senderId()).hasSize(15);
            assertThat(envelope("ZZ", "A", "VG", 1, 1, t).senderId()).isEqualTo("A");
            assertThatThrownBy(() -> envelope("ZZ", "VG ", "VG", 1, 1, t)).hasMessage("interchange ids must not end with"
                    + " a space (the ISA pads them), were 'VG ' and 'EVERSOURCEWMA'");
            assertThatThrownBy(() -> new InterchangeEnvelope("ZZ", "VG", "ZZ", "ES ", "VG", "ES", 1, 1, t, Usage.TEST))
                    .hasMessageContaining("were 'VG' and 'ES '");
            assertThatThrownBy(() -> envelope("ZZ", "VG", "V", 1, 1, t)).hasMessage("application sender code (GS02)"
                    + " must be 2 to 15 letters, digits or dashes, was 'V'");
            assertThatThrownBy(() -> new InterchangeEnvelope("ZZ", "VG", "1", "ES", "VG", "ES", 1, 1, t, Usage.TEST))
                    .hasMessageContaining("receiver qualifier (ISA07)");
            assertThatThrownBy(() -> new InterchangeEnvelope("ZZ", "VG", "ZZ", " ES", "VG", "ES", 1, 1, t, Usage.TEST))
                    .hasMessageContaining("receiver id (ISA08)");
            assertThatThrownBy(() -> new InterchangeEnvelope("ZZ", "VG", "ZZ", "ES", "VG", "E", 1, 1, t, Usage.TEST))
                    .hasMessageContaining("application receiver code (GS03)");
            assertThatThrownBy(() -> envelope("ZZ", "VG", null, 1, 1, t)).isInstanceOf(NullPointerException.class)
                    .hasMessage("application sender code (GS02)");
        }

        @Test
        void controlNumbersHaveNineDigitsAtMost() {
            LocalDateTime t = EdiFixtures.SENT;
            assertThatThrownBy(() -> envelope("ZZ", "VG", "VG", 0, 1, t)).hasMessage("interchange control number (ISA13)"
                    + " must be 1 to 999999999, was 0");
            assertThatThrownBy(() -> envelope("ZZ", "VG", "VG", 1_000_000_000L, 1, t)).hasMessageContaining("was"
                    + " 1000000000");
            assertThatThrownBy(() -> envelope("ZZ", "VG", "VG", 1, 0, t)).hasMessage("group control number (GS06) must"
                    + " be 1 to 999999999, was 0");
            assertThat(envelope("ZZ", "VG", "VG", 999_999_999L, 999_999_999L, t).groupControlNumber())
                    .isEqualTo(999_999_999L);
        }

        @Test
        void theTimeIsInWholeSeconds() {
            assertThatThrownBy(() -> envelope("ZZ", "VG", "VG", 1, 1, LocalDateTime.of(2025, 1, 2, 9, 30, 0, 1)))
                    .hasMessage("created time must be in whole seconds (GS05 holds HHMMSS), was 2025-01-02T09:30:00.000000001");
        }

        @Test
        void usageCodesAreIsa15s() {
            assertThat(Usage.PRODUCTION.code()).isEqualTo("P");
            assertThat(Usage.TEST.code()).isEqualTo("T");
        }
    }

    @Nested
    class Requests {
        private Enrollment814Request request(EnrollmentKind kind, String reference, String name,
                Optional<String> product) {
            return new Enrollment814Request(kind, reference, ACCOUNT, Utility.EVERSOURCE_WMA, name, ADDRESS,
                    Optional.empty(), product);
        }

        @Test
        void theReferenceIsLettersDigitsOrDashes() {
            assertThatThrownBy(() -> request(EnrollmentKind.ENROLL, "VGE 1", "A", Optional.empty())).hasMessage("814"
                    + " request reference must be letters, digits or dashes, was 'VGE 1'");
            assertThatThrownBy(() -> request(EnrollmentKind.ENROLL, "", "A", Optional.empty()))
                    .hasMessageContaining("was ''");
        }

        @Test
        void aRequestNamesItsCustomer() {
            assertThatThrownBy(() -> request(EnrollmentKind.ENROLL, "R1", " ", Optional.empty())).hasMessage("814"
                    + " request R1: the customer name must not be blank");
        }

        @Test
        void aChangeCarriesTheNewProductAndADropNone() {
            assertThatThrownBy(() -> request(EnrollmentKind.CHANGE, "R1", "A", Optional.empty())).hasMessage("814 change"
                    + " request R1 needs the new product code");
            assertThatThrownBy(() -> request(EnrollmentKind.DROP, "R1", "A", Optional.of("standard"))).hasMessage("814"
                    + " drop request R1 must not carry a product code, was 'standard'");
            assertThatThrownBy(() -> request(EnrollmentKind.ENROLL, "R1", "A", Optional.of(" "))).hasMessage("814"
                    + " request R1: the product code must not be blank");
            assertThat(request(EnrollmentKind.ENROLL, "R1", "A", Optional.empty()).productCode()).isEmpty();
            assertThat(request(EnrollmentKind.DROP, "R1", "A", Optional.empty()).kind()).isEqualTo(EnrollmentKind.DROP);
            assertThat(request(EnrollmentKind.CHANGE, "R1", "A", Optional.of("x")).productCode()).contains("x");
        }

        @Test
        void anEnrollmentTravelsAsAnEightFourteenInAGeneralRequestGroup() {
            Enrollment814Request r = request(EnrollmentKind.ENROLL, "R1", "A", Optional.empty());
            assertThat(r.transactionSetCode()).isEqualTo("814");
            assertThat(r.functionalGroupCode()).isEqualTo("GE");
        }

        @Test
        void kindsCarryTheirAsiCodes() {
            assertThat(EnrollmentKind.ENROLL.maintenanceTypeCode()).isEqualTo("021");
            assertThat(EnrollmentKind.ENROLL.requestActionCode()).isEqualTo("7");
            assertThat(EnrollmentKind.DROP.maintenanceTypeCode()).isEqualTo("024");
            assertThat(EnrollmentKind.DROP.requestActionCode()).isEqualTo("F");
            assertThat(EnrollmentKind.CHANGE.maintenanceTypeCode()).isEqualTo("001");
            assertThat(EnrollmentKind.CHANGE.requestActionCode()).isEqualTo("7");
            assertThat(EnrollmentKind.ofMaintenanceTypeCode("024")).contains(EnrollmentKind.DROP);
            assertThat(EnrollmentKind.ofMaintenanceTypeCode("022")).isEmpty();
        }
    }

    @Nested
    class Responses {
        private Enrollment814Response response(String reference, String original, boolean accepted,
                List<Rejection> rejections) {
            return new Enrollment814Response(reference, original, EnrollmentKind.ENROLL, ACCOUNT,
                    Utility.EVERSOURCE_WMA, accepted, rejections, Optional.empty());
        }

        @Test
        void anAcceptHasNoReasonsAndARejectAtLeastOne() {
            Rejection notFound = new Rejection("A76", Optional.of("ACCOUNT NOT FOUND"));
            assertThatThrownBy(() -> response("R1", "Q1", true, List.of(notFound))).hasMessage("814 response R1 accepts"
                    + " the request but lists 1 rejection reason(s)");
            assertThatThrownBy(() -> response("R1", "Q1", false, List.of())).hasMessage("814 response R1 rejects the"
                    + " request without a reason (REF*7G)");
            assertThat(response("R1", "Q1", false, List.of(notFound)).accepted()).isFalse();
        }

        @Test
        void referencesAreLettersDigitsOrDashes() {
            assertThatThrownBy(() -> response("R 1", "Q1", true, List.of())).hasMessage("814 response references must"
                    + " be letters, digits or dashes, were 'R 1' and 'Q1'");
            assertThatThrownBy(() -> response("R1", "Q 1", true, List.of())).hasMessageContaining("were 'R1' and 'Q 1'");
        }

        @Test
        void rejectionsAreCopied() {
            List<Rejection> reasons = new ArrayList<>(List.of(new Rejection("A13", Optional.empty())));
            Enrollment814Response r = response("R1", "Q1", false, reasons);
            reasons.clear();
            assertThat(r.rejections()).hasSize(1);
            assertThat(r.transactionSetCode()).isEqualTo("814");
        }

        @Test
        void aRejectionHasACodeAndMaybeAText() {
            assertThatThrownBy(() -> new Rejection(" ", Optional.empty())).hasMessage("rejection reason code (REF*7G"
                    + " REF02) must not be blank");
            assertThatThrownBy(() -> new Rejection("A13", Optional.of(" "))).hasMessage("rejection A13: the description"
                    + " (REF03) must not be blank; leave it out instead");
        }
    }

    @Nested
    class Acknowledgments {
        @Test
        void aSetResultFollowsTheAk2AndAk5Rules() {
            assertThatThrownBy(() -> new SetResult("81", "0001", AckCode.ACCEPTED, List.of(), List.of()))
                    .hasMessage("AK201 transaction set code must be 3 digits, was '81'");
            assertThatThrownBy(() -> new SetResult("814", "001", AckCode.ACCEPTED, List.of(), List.of()))
                    .hasMessage("AK202 transaction set control number must be 4 to 9 letters or digits, was '001'");
            assertThatThrownBy(() -> new SetResult("814", "0001", AckCode.PARTIALLY_ACCEPTED, List.of(), List.of()))
                    .hasMessage("AK501 of set 0001: P (partially accepted) applies to a functional group (AK901), not to"
                            + " one transaction set");
            assertThatThrownBy(() -> new SetResult("814", "0001", AckCode.REJECTED, List.of("1", "2", "3", "4", "5",
                    "6"), List.of())).hasMessage("AK5 of set 0001 has 6 error codes; X12 allows at most 5");
            assertThat(new SetResult("814", "0001", AckCode.REJECTED, List.of("1", "2", "3", "4", "5"), List.of())
                    .errorCodes()).hasSize(5);
            assertThatThrownBy(() -> new SetResult("814", "0001", AckCode.REJECTED, List.of(""), List.of()))
                    .hasMessage("AK5 of set 0001: an error code must not be blank");
        }

        @Test
        void notesFollowTheAk3AndAk4Rules() {
            assertThatThrownBy(() -> new SegmentNote("REF", 0, Optional.empty(), Optional.empty(), List.of()))
                    .hasMessage("AK302 segment position must be at least 1, was 0");
            ElementNote note = new ElementNote(1, OptionalInt.empty(), Optional.empty(), "1", Optional.empty());
            assertThatThrownBy(() -> new SegmentNote("REF", 1, Optional.empty(), Optional.empty(),
                    Collections.nCopies(100, note))).hasMessage("AK3 REF has 100 AK4 element notes; X12 allows at most"
                            + " 99");
            assertThat(new SegmentNote("REF", 1, Optional.empty(), Optional.empty(), Collections.nCopies(99, note))
                    .elementNotes()).hasSize(99);
            assertThatThrownBy(() -> new ElementNote(0, OptionalInt.empty(), Optional.empty(), "1", Optional.empty()))
                    .hasMessage("AK401 element position must be at least 1, was 0");
            assertThatThrownBy(() -> new ElementNote(2, OptionalInt.of(0), Optional.empty(), "1", Optional.empty()))
                    .hasMessage("AK401 element position must be at least 1, was 2-0");
            assertThat(new ElementNote(1, OptionalInt.of(1), Optional.empty(), "1", Optional.empty()).position())
                    .isEqualTo(1);
        }

        @Test
        void theGroupAcknowledgmentFollowsTheAk1AndAk9Rules() {
            assertThatThrownBy(() -> ack("G", 1, 0, 0, 0, List.of())).hasMessage("AK101 functional identifier must be 2"
                    + " capital letters, was 'G'");
            assertThatThrownBy(() -> ack("GE", 0, 0, 0, 0, List.of())).hasMessage("AK102 group control number must be 1"
                    + " to 999999999, was 0");
            assertThatThrownBy(() -> ack("GE", 1_000_000_000L, 0, 0, 0, List.of())).hasMessageContaining("was"
                    + " 1000000000");
            assertThat(ack("GE", 999_999_999L, 0, 0, 0, List.of()).groupControlNumber()).isEqualTo(999_999_999L);
            assertThatThrownBy(() -> ack("GE", 1, 2, 1, 2, List.of())).hasMessage("AK9 counts must not be negative and"
                    + " at most the received sets may be accepted, were included 2, received 1, accepted 2");
            assertThatThrownBy(() -> ack("GE", 1, -1, 0, 0, List.of())).hasMessageContaining("included -1");
            assertThatThrownBy(() -> ack("GE", 1, 0, -1, -1, List.of())).hasMessageContaining("received -1");
            assertThatThrownBy(() -> ack("GE", 1, 0, 0, -1, List.of())).hasMessageContaining("accepted -1");
            assertThat(ack("GE", 1, 2, 2, 2, List.of()).setsAccepted()).isEqualTo(2);
            assertThatThrownBy(() -> ack("GE", 1, 0, 0, 0, List.of("1", "2", "3", "4", "5", "6"))).hasMessage("AK9 has"
                    + " 6 error codes; X12 allows at most 5");
        }

        private FunctionalAck997 ack(String id, long group, int included, int received, int accepted,
                List<String> codes) {
            return new FunctionalAck997(id, group, List.of(), AckCode.ACCEPTED, included, received, accepted, codes);
        }

        @Test
        void acceptedMeansAccordingToAk901() {
            assertThat(AckCode.ACCEPTED.isAccepted()).isTrue();
            assertThat(AckCode.ACCEPTED_WITH_ERRORS.isAccepted()).isTrue();
            for (AckCode rejected : List.of(AckCode.PARTIALLY_ACCEPTED, AckCode.REJECTED,
                    AckCode.REJECTED_AUTHENTICATION_FAILED, AckCode.REJECTED_VALIDITY_TESTS_FAILED,
                    AckCode.REJECTED_DECRYPTION_FAILED)) {
                assertThat(rejected.isAccepted()).as(rejected.name()).isFalse();
            }
            assertThat(AckCode.ofCode("P")).contains(AckCode.PARTIALLY_ACCEPTED);
            assertThat(AckCode.ofCode("Z")).isEmpty();
            assertThat(new FunctionalAck997("GE", 1, List.of(), AckCode.ACCEPTED_WITH_ERRORS, 0, 0, 0, List.of())
                    .accepted()).isTrue();
        }

        @Test
        void anAcknowledgmentTravelsInAnFaGroup() {
            FunctionalAck997 ack = ack("GE", 1, 0, 0, 0, List.of());
            assertThat(ack.transactionSetCode()).isEqualTo("997");
            assertThat(ack.functionalGroupCode()).isEqualTo("FA");
        }

        @Test
        void theAcknowledgmentOfAFileReadAcceptsEachOfItsSets() {
            EdiInterchange received = EdiReader.read(EdiFixtures.golden("responses-accept.edi"), "in",
                    EdiFixtures.PARTNERS);
            FunctionalAck997 ack = FunctionalAck997.acceptingAll(received);
            assertThat(ack).isEqualTo(new FunctionalAck997("GE", 4711, List.of(SetResult.accepted("814", "0001"),
                    SetResult.accepted("814", "0002"), SetResult.accepted("814", "0003")), AckCode.ACCEPTED, 3, 3, 3,
                    List.of()));
            EdiInterchange reply = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 102), List.of(ack));
            assertThat(new String(EdiWriter.toBytes(reply, EdiFixtures.PARTNERS), StandardCharsets.US_ASCII))
                    .contains("GS*FA*VALLEYGREEN*EVERSOURCEWMA*20250102*0930*102*X*004010~\nST*997*0001~\n"
                            + "AK1*GE*4711~\nAK2*814*0001~\nAK5*A~\nAK2*814*0002~\nAK5*A~\nAK2*814*0003~\nAK5*A~\n"
                            + "AK9*A*3*3*3~\nSE*10*0001~\n");
        }
    }

    @Nested
    class Interchanges {
        @Test
        void setsAreNumberedFrom0001() {
            EdiInterchange i = EdiFixtures.eversourceRequests();
            assertThat(i.sets()).extracting(TransactionSet::controlNumber).containsExactly("0001", "0002", "0003");
            assertThat(i.requests()).hasSize(3);
            assertThat(i.responses()).isEmpty();
            assertThat(i.acknowledgments()).isEmpty();
            assertThat(i.functionalGroupCode()).isEqualTo("GE");
            assertThat(EdiFixtures.eversourceAcknowledgment().functionalGroupCode()).isEqualTo("FA");
            assertThat(EdiFixtures.eversourceAcknowledgment().acknowledgments()).hasSize(1);
        }

        @Test
        void theTenThousandthSetHasFiveDigits() {
            List<Enrollment814Request> many = Collections.nCopies(10_000, EdiFixtures.eversourceRequests().requests()
                    .get(0));
            EdiInterchange i = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 1), many);
            assertThat(i.sets().get(9_998).controlNumber()).isEqualTo("9999");
            assertThat(i.sets().get(9_999).controlNumber()).isEqualTo("10000");
        }

        @Test
        void anInterchangeHoldsOneKindOfGroupWithDistinctControlNumbers() {
            InterchangeEnvelope e = EdiFixtures.toUtility("EVERSOURCEWMA", 1);
            Enrollment814Request r = EdiFixtures.eversourceRequests().requests().get(0);
            FunctionalAck997 ack = EdiFixtures.eversourceAcknowledgment().acknowledgments().get(0);
            assertThatThrownBy(() -> new EdiInterchange(e, List.of())).hasMessage("an interchange needs at least one"
                    + " transaction set");
            assertThatThrownBy(() -> new EdiInterchange(e, List.of(new TransactionSet("0001", r),
                    new TransactionSet("0002", ack)))).hasMessage("one functional group holds one kind of transaction"
                            + " set: 814 and 997 cannot share an interchange");
            assertThatThrownBy(() -> new EdiInterchange(e, List.of(new TransactionSet("0001", r),
                    new TransactionSet("0001", r)))).hasMessage("transaction set control number 0001 occurs twice in the"
                            + " interchange");
            EdiInterchange mixed = new EdiInterchange(e, List.of(new TransactionSet("0001", r), new TransactionSet("0002",
                    EdiFixtures.eversourceAccepts().responses().get(0))));
            assertThat(mixed.requests()).hasSize(1);
            assertThat(mixed.responses()).hasSize(1);
        }

        @Test
        void anInterchangeHoldsAtMost99999Sets() {
            TransactionSet one = EdiFixtures.eversourceRequests().sets().get(0);
            InterchangeEnvelope e = EdiFixtures.toUtility("EVERSOURCEWMA", 1);
            // Control numbers repeat in these lists: the size is checked before anything else.
            assertThatThrownBy(() -> new EdiInterchange(e, Collections.nCopies(100_000, one))).hasMessage("an"
                    + " interchange holds at most 99999 transaction sets, this one 100000; split the batch into several"
                    + " files");
            assertThatThrownBy(() -> new EdiInterchange(e, Collections.nCopies(99_999, one))).hasMessage("transaction"
                    + " set control number 0001 occurs twice in the interchange");
        }

        @Test
        void aControlNumberHasFourToNineLettersOrDigits() {
            Enrollment814Request r = EdiFixtures.eversourceRequests().requests().get(0);
            assertThatThrownBy(() -> new TransactionSet("001", r)).hasMessage("transaction set control number (ST02)"
                    + " must be 4 to 9 letters or digits, was '001'");
            assertThatThrownBy(() -> new TransactionSet("0123456789", r)).hasMessageContaining("was '0123456789'");
            assertThat(new TransactionSet("A23456789", r).controlNumber()).hasSize(9);
        }

        @Test
        void setsAreCopied() {
            List<TransactionSet> sets = new ArrayList<>(EdiFixtures.eversourceRequests().sets());
            EdiInterchange i = new EdiInterchange(EdiFixtures.toUtility("EVERSOURCEWMA", 1), sets);
            sets.clear();
            assertThat(i.sets()).hasSize(3);
            assertThatThrownBy(() -> i.requests().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Schemas {
        @Test
        void aSchemaWithADocumentTypeDeclarationIsRefused() {
            byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE schema [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<schema xmlns=\"http://xlate.io/EDISchema/v4\"/>").getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> X12Schemas.refuseDocumentTypeDeclarations("evil.xml", xml))
                    .isInstanceOf(OpenCceException.class).hasMessage("the X12 schema evil.xml has a document type"
                            + " declaration; schemas must not have one");
        }

        @Test
        void anExternalDocumentTypeIsNotFetched() {
            // With DTD support on, the parser would try to load the external subset and fail on the missing
            // file; with it off, the declaration is reported and refused without being fetched.
            byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE schema SYSTEM \"file:///no/such/opencce.dtd\">"
                    + "<schema/>").getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> X12Schemas.refuseDocumentTypeDeclarations("external.xml", xml))
                    .isInstanceOf(OpenCceException.class).hasMessage("the X12 schema external.xml has a document type"
                            + " declaration; schemas must not have one");
        }

        @Test
        void aSchemaThatIsNotXmlIsRefused() {
            byte[] xml = "<schema".getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> X12Schemas.refuseDocumentTypeDeclarations("broken.xml", xml))
                    .isInstanceOf(OpenCceException.class).hasMessageStartingWith("the X12 schema broken.xml is not"
                            + " well-formed XML: ");
        }

        @Test
        void ourSchemasPass() {
            X12Schemas.refuseDocumentTypeDeclarations("ok.xml", "<schema/>".getBytes(StandardCharsets.US_ASCII));
            assertThat(X12Schemas.forTransactionSet("814")).isPresent();
            assertThat(X12Schemas.forTransactionSet("997")).isPresent();
            assertThat(X12Schemas.forTransactionSet("810")).isEmpty();
            assertThat(X12Schemas.forTransactionSet("814").get()).isNotSameAs(X12Schemas.forTransactionSet("997").get());
            assertThat(X12Schemas.controlSchema().containsSegment("ISA")).isTrue();
        }
    }

    @Nested
    class Text {
        @Test
        void elementNamesHaveTwoDigitPositions() {
            assertThat(X12Text.elementName("REF", 2)).isEqualTo("REF02");
            assertThat(X12Text.elementName("LIN", 31)).isEqualTo("LIN31");
        }

        @Test
        void printableAsciiWithoutDelimitersIsWritable() {
            assertThat(X12Text.unwritable("")).isEmpty();
            assertThat(X12Text.unwritable(" AZaz09!\"#$%&'()+,-./:;<=?@[\\]^_`{|}")).isEmpty();
            assertThat(X12Text.unwritable("\u001f")).isPresent();
            assertThat(X12Text.unwritable("\u0080")).isPresent();
        }

        @Test
        void aSegmentIsNamedByPositionAndTag() {
            Segment s = new Segment("REF", 12, 3, List.of(List.of("12"), List.of(), List.of("a", "b")));
            assertThat(s.name()).isEqualTo("segment 12 (REF)");
            assertThat(s.element(1)).isEqualTo("12");
            assertThat(s.element(2)).isEmpty();
            assertThat(s.element(3)).isEqualTo("a");
            assertThat(s.element(4)).isEmpty();
            assertThat(s.components(3)).containsExactly("a", "b");
            assertThat(s.components(4)).isEmpty();
        }

        @Test
        void controlCharactersAreShownByCodePoint() {
            assertThat(X12Text.shown("a\u0000b\u001fc\u007f d~")).isEqualTo("a<U+0000>b<U+001F>c<U+007F> d~");
        }

        @Test
        void datesOfTheEnvelopeAndTheBody() {
            LocalDate d = LocalDate.of(2025, 1, 2);
            assertThat(d.format(X12Text.DATE)).isEqualTo("20250102");
            assertThat(d.format(X12Text.SHORT_DATE)).isEqualTo("250102");
        }
    }
}
