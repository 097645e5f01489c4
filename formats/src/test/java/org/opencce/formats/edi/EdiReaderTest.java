package org.opencce.formats.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencce.domain.community.Utility;
import org.opencce.formats.FormatException;

/**
 * A malformed file is rejected whole with a message naming the segment (its number in the file, ISA
 * being 1), the element and the reason. Each case changes one thing in a golden file; the segment
 * numbers are counted in that file by hand.
 */
class EdiReaderTest {
    private static final String REQUESTS = EdiFixtures.goldenText("requests-eversource.edi");
    private static final String REJECTS = EdiFixtures.goldenText("responses-reject.edi");
    private static final String ACCEPTS = EdiFixtures.goldenText("responses-accept.edi");
    private static final String ACK = EdiFixtures.goldenText("ack-997.edi");

    private static EdiInterchange read(String text) {
        return EdiReader.read(text.getBytes(StandardCharsets.ISO_8859_1), "in.edi", EdiFixtures.PARTNERS);
    }

    private static String failure(String text) {
        try {
            read(text);
        } catch (FormatException e) {
            assertThat(e.source()).isEqualTo("in.edi");
            return e.getMessage();
        }
        throw new AssertionError("the file was read without error");
    }

    /** {@code text} with {@code from} replaced by {@code to}, which must occur exactly once. */
    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'%s' occurs in the golden file", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("'%s' occurs once", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    @Nested
    class TheBriefsMalformedCases {
        @Test
        void aWrongSegmentCountInSeNamesBothCounts() {
            assertThat(failure(replaceOnce(REQUESTS, "SE*13*0001", "SE*12*0001"))).isEqualTo("in.edi, line 15: segment"
                    + " 15 (SE), element SE01: SE01 says the transaction set has 12 segments, but it has 13 (ST to SE)");
        }

        @Test
        void aMissingMandatoryElementIsNamed() {
            assertThat(failure(replaceOnce(REQUESTS, "BGN*13*VGE-0002*20250102", "BGN*13**20250102")))
                    .isEqualTo("in.edi, line 17: segment 17 (BGN), element BGN02: the mandatory element is missing");
        }

        @Test
        void aReferenceWithoutItsValueBreaksTheSyntaxNote() {
            assertThat(failure(replaceOnce(REQUESTS, "REF*12*54012345679", "REF*12"))).isEqualTo("in.edi, line 25:"
                    + " segment 25 (REF), element REF02: an element is missing that the segment's other elements"
                    + " require (X12 syntax note)");
        }

        @Test
        void anInterchangeHeaderOfTheWrongLengthNamesTheElementThatIsOff() {
            assertThat(failure(replaceOnce(REQUESTS, "*ZZ*VALLEYGREEN    *", "*ZZ*VALLEYGREEN*"))).isEqualTo("in.edi,"
                    + " line 1: segment 1 (ISA), element ISA06: the interchange header has fixed-width elements and"
                    + " ISA06 must be 15 characters, but it is 11 characters long (the whole ISA is 106 characters)");
            assertThat(failure(replaceOnce(REQUESTS, "*ZZ*VALLEYGREEN    *", "*ZZ*VALLEYGREEN     *")))
                    .isEqualTo("in.edi, line 1: segment 1 (ISA), element ISA06: the interchange header has fixed-width"
                            + " elements and ISA06 must be 15 characters, but it is 16 characters long (the whole ISA is"
                            + " 106 characters)");
            assertThat(failure(replaceOnce(REQUESTS, "*ZZ*VALLEYGREEN    *", "*ZZ*VALLEYGREEN        *"))).contains(
                    "ISA06 must be 15 characters, but it is at least 16 characters long");
        }

        @Test
        void anUnknownSegmentIsNamed() {
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024~\n", "ASI*F*024~\nXYZ*1~\n"))).isEqualTo("in.edi,"
                    + " line 25: segment 25 (XYZ): segment XYZ is not part of the transaction set as OpenCCE reads it"
                    + " (docs/formats/edi-814.md lists the segments)");
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024~\n", "ASI*F*024~\nPER*IC*BOB~\n"))).isEqualTo(
                    "in.edi, line 25: segment 25 (PER): segment PER is not part of the transaction set as OpenCCE"
                            + " reads it (docs/formats/edi-814.md lists the segments)");
        }

        @Test
        void aTruncatedFileNamesTheLastCompleteSegment() {
            String cut = REQUESTS.substring(0, REQUESTS.indexOf("LIN*VGE-0002") + 8);
            assertThat(failure(cut)).isEqualTo("in.edi, line 22: the file ends after segment 22 (N4) before the"
                    + " interchange is closed by IEA: it is truncated; ask the sender for the complete file");
            assertThat(failure(REQUESTS.substring(0, REQUESTS.indexOf("IEA*")))).isEqualTo("in.edi, line 40: the file"
                    + " ends after segment 40 (GE) before the interchange is closed by IEA: it is truncated; ask the"
                    + " sender for the complete file");
        }

        @Test
        void anInterchangeHeaderCutShortIsTruncatedToo() {
            assertThat(failure(REQUESTS.substring(0, 104))).isEqualTo("in.edi, line 1: segment 1 (ISA), element"
                    + " ISA16: the interchange header has fixed-width elements and ISA16 must be 1 character, but the"
                    + " file ends after 0 characters of it (the whole ISA is 106 characters)");
            assertThat(failure(REQUESTS.substring(0, 60))).contains("element ISA08: ")
                    .contains("but the file ends after 6 characters of it");
        }

        @Test
        void anInterchangeHeaderWithoutItsTerminatorOrAloneIsTruncated() {
            assertThat(failure("ISA*")).isEqualTo("in.edi, line 1: segment 1 (ISA), element ISA01: the interchange"
                    + " header has fixed-width elements and ISA01 must be 2 characters, but the file ends after 0"
                    + " characters of it (the whole ISA is 106 characters)");
            assertThat(failure(REQUESTS.substring(0, 105))).isEqualTo("in.edi, line 1: segment 1 (ISA): the file ends"
                    + " before the segment terminator that follows ISA16: it is truncated; ask the sender for the"
                    + " complete file");
            assertThat(failure(REQUESTS.substring(0, 106))).isEqualTo("in.edi, line 1: the file ends after segment 1"
                    + " (ISA) before the interchange is closed by IEA: it is truncated; ask the sender for the complete"
                    + " file");
        }

        @Test
        void textThatIsNoSegmentIsNamedAfterTheLastSegmentRead() {
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024~\n", "ASI*F*024~\nABCDE*1~\n"))).startsWith("in.edi,"
                    + " line 24: the text after segment 24 (ASI) is not an X12 segment (StAEDI: EDIE003");
        }

        @Test
        void anSt01ThatIsNot814InAGeGroupIsRefused() {
            assertThat(failure(replaceOnce(REQUESTS, "ST*814*0002", "ST*810*0002"))).isEqualTo("in.edi, line 16:"
                    + " segment 16 (ST), element ST01: '810' is not a transaction set OpenCCE reads in a GE functional"
                    + " group; ST01 must be 814");
            assertThat(failure(replaceOnce(REQUESTS, "ST*814*0002", "ST*997*0002"))).isEqualTo("in.edi, line 16:"
                    + " segment 16 (ST), element ST01: '997' is not a transaction set OpenCCE reads in a GE functional"
                    + " group; ST01 must be 814");
        }

        @Test
        void an814InAnAcknowledgmentGroupIsRefused() {
            assertThat(failure(replaceOnce(ACK, "ST*997*0001", "ST*814*0001"))).isEqualTo("in.edi, line 3: segment 3"
                    + " (ST), element ST01: '814' is not a transaction set OpenCCE reads in a FA functional group; ST01"
                    + " must be 997");
        }
    }

    @Nested
    class TheEnvelope {
        @Test
        void controlNumbersAndCountsOfTheTrailersMustMatch() {
            assertThat(failure(replaceOnce(REQUESTS, "SE*13*0001", "SE*13*0009"))).isEqualTo("in.edi, line 15: segment"
                    + " 15 (SE), element SE02: SE02 '0009' is not the control number of its ST ('0001')");
            assertThat(failure(replaceOnce(REQUESTS, "GE*3*101", "GE*2*101"))).isEqualTo("in.edi, line 40: segment 40"
                    + " (GE), element GE01: GE01 says the functional group has 2 transaction sets, but it has 3");
            assertThat(failure(replaceOnce(REQUESTS, "GE*3*101", "GE*3*102"))).isEqualTo("in.edi, line 40: segment 40"
                    + " (GE), element GE02: GE02 '102' is not the control number of its GS ('101')");
            assertThat(failure(replaceOnce(REQUESTS, "IEA*1*000000101", "IEA*2*000000101"))).isEqualTo("in.edi, line"
                    + " 41: segment 41 (IEA), element IEA01: IEA01 says the interchange has 2 functional groups, but it"
                    + " has 1");
            assertThat(failure(replaceOnce(REQUESTS, "IEA*1*000000101", "IEA*1*000000100"))).isEqualTo("in.edi, line"
                    + " 41: segment 41 (IEA), element IEA02: IEA02 '000000100' is not the control number of its ISA"
                    + " ('000000101')");
        }

        @Test
        void anEmptyFileOrOneThatIsNotX12IsRefused() {
            assertThat(failure("")).isEqualTo("in.edi: the file is empty; an X12 file starts with an ISA interchange"
                    + " header");
            assertThat(failure("hello\tworld\n")).isEqualTo("in.edi, line 1: the file does not start with an ISA"
                    + " interchange header; it starts with 'hello?world?'");
            assertThat(failure("IS")).isEqualTo("in.edi, line 1: the file does not start with an ISA interchange"
                    + " header; it starts with 'IS'");
            assertThat(failure("ISX*00")).startsWith("in.edi, line 1: the file does not start with an ISA");
            assertThat(failure("IXA*00")).startsWith("in.edi, line 1: the file does not start with an ISA");
            assertThat(failure("ISA")).startsWith("in.edi, line 1: the file does not start with an ISA");
        }

        @Test
        void aByteOutsideAsciiIsRefusedWithItsOffset() {
            // "Zoe" with e-diaeresis in Latin-1: the byte 0xEB, line 7, offset 298 counted in the golden file.
            assertThat(failure(replaceOnce(REQUESTS, "Alice", "Zo\u00eb"))).isEqualTo("in.edi, line 7: byte 0xEB at"
                    + " byte offset 298 (counting from 0) is not ASCII, and X12 files are ASCII; ask the sender to write"
                    + " the file without accented letters");
        }

        @Test
        void onlyVersion004010IsRead() {
            assertThat(failure(replaceOnce(REQUESTS, "*00401*", "*00501*"))).isEqualTo("in.edi, line 1: segment 1"
                    + " (ISA), element ISA12: '00501' is not 00401; OpenCCE reads X12 version 004010 (ISA12 00401)"
                    + " only");
            assertThat(failure(replaceOnce(REQUESTS, "*X*004010~", "*X*005010~"))).isEqualTo("in.edi, line 2: segment"
                    + " 2 (GS), element GS08: '005010' is not 004010; OpenCCE reads X12 version 004010 only");
        }

        @Test
        void onlyGeneralRequestAndAcknowledgmentGroupsAreRead() {
            assertThat(failure(replaceOnce(REQUESTS, "GS*GE*", "GS*IN*"))).isEqualTo("in.edi, line 2: segment 2 (GS),"
                    + " element GS01: 'IN' is not a functional group OpenCCE reads; GS01 must be GE (814) or FA (997)");
        }

        @Test
        void theUsageIndicatorIsProductionOrTest() {
            assertThat(failure(replaceOnce(REQUESTS, "*0*T*>", "*0*I*>"))).isEqualTo("in.edi, line 1: segment 1 (ISA),"
                    + " element ISA15: 'I' is neither P (production) nor T (test) data");
        }

        @Test
        void oneInterchangeWithOneGroupPerFile() {
            String secondGroup = "GS*GE*VALLEYGREEN*EVERSOURCEWMA*20250102*0930*103*X*004010~\nST*814*0001~\n"
                    + "BGN*13*VGE-0009*20250102~\nSE*3*0001~\nGE*1*103~\nIEA*2*000000101~\n";
            assertThat(failure(replaceOnce(REQUESTS, "IEA*1*000000101~\n", secondGroup))).isEqualTo("in.edi, line 41:"
                    + " segment 41 (GS): a second functional group; OpenCCE reads one functional group per file");
            assertThat(failure(REQUESTS + REQUESTS)).isEqualTo("in.edi, line 42: segment 42 (ISA): a second"
                    + " interchange; OpenCCE reads one interchange per file");
        }

        @Test
        void aGroupWithoutTransactionSetsIsRefused() {
            String empty = REQUESTS.substring(0, REQUESTS.indexOf("ST*814*0001")) + "GE*0*101~\nIEA*1*000000101~\n";
            assertThat(failure(empty)).isEqualTo("in.edi, line 3: segment 3 (GE): the functional group holds no"
                    + " transaction set");
        }

        @Test
        void aGroupTimeWithSecondsOrHundredthsIsRead() {
            EdiInterchange hundredths = read(replaceOnce(ACCEPTS, "*140530*", "*14053099*"));
            assertThat(hundredths.envelope().created()).isEqualTo(LocalDateTime.of(2025, 1, 3, 14, 5, 30));
            EdiInterchange minutes = read(replaceOnce(ACCEPTS, "*140530*", "*1405*"));
            assertThat(minutes.envelope().created()).isEqualTo(LocalDateTime.of(2025, 1, 3, 14, 5));
            assertThat(failure(replaceOnce(ACCEPTS, "*140530*", "*146530*"))).isEqualTo("in.edi, line 2: segment 2"
                    + " (GS), element GS05: '146530' is not a time (HHMM or HHMMSS)");
        }

        @Test
        void anEnvelopeValueOutsideOurRulesIsNamed() {
            // ISA06 of 15 characters may hold characters an OpenCCE envelope does not use.
            assertThat(failure(replaceOnce(REQUESTS, "*ZZ*VALLEYGREEN    *", "*ZZ*VALLEY.GREEN   *"))).isEqualTo(
                    "in.edi, line 1: segment 1 (ISA): sender id (ISA06) must be 1 to 15 letters, digits, spaces or"
                            + " dashes, not starting or ending with a space, was 'VALLEY.GREEN'");
        }

        @Test
        void segmentsOutsideATransactionSetAreRefused() {
            // An interchange acknowledgment may stand between ISA and GS (X12 004010 control structure).
            assertThat(failure(replaceOnce(REQUESTS, "*0*T*>~\n", "*0*T*>~\nTA1*000000001*250102*0930*A*000~\n")))
                    .isEqualTo("in.edi, line 2: segment 2 (TA1): segment TA1 is not read outside a transaction set;"
                            + " OpenCCE reads ISA, GS, ST to SE, GE and IEA");
            // After GE, StAEDI's control schema already finds it out of order.
            assertThat(failure(replaceOnce(REQUESTS, "GE*3*101~\n", "GE*3*101~\nTA1*000000001*250102*0930*A*000~\n")))
                    .isEqualTo("in.edi, line 41: segment 41 (TA1): segment TA1 is out of order here");
        }

        @Test
        void segmentsMayEndWithoutALineBreakOrWithCrLf() {
            assertThat(read(REQUESTS.replace("~\n", "~"))).isEqualTo(EdiFixtures.eversourceRequests());
            assertThat(read(REQUESTS.replace("~\n", "~\r\n"))).isEqualTo(EdiFixtures.eversourceRequests());
        }
    }

    @Nested
    class TheSchema {
        @Test
        void aCodeOutsideTheSchemaIsNamedWithTheCodesAccepted() {
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024", "ASI*F*022"))).isEqualTo("in.edi, line 24: segment"
                    + " 24 (ASI), element ASI02: '022' is not a code OpenCCE accepts here; expected one of 001, 021,"
                    + " 024");
            assertThat(failure(replaceOnce(ACK, "AK5*R*5", "AK5*Q*5"))).isEqualTo("in.edi, line 12: segment 12 (AK5),"
                    + " element AK501: 'Q' is not a code OpenCCE accepts here; expected one of A, E, M, R, W, X");
        }

        @Test
        void controlCharactersAreShownInTheMessage() {
            assertThat(failure(replaceOnce(REQUESTS, "N1*8R*Bob Brennan", "N1*8R*Bob\u007fBrennan"))).isEqualTo("in.edi,"
                    + " line 20: segment 20 (N1), element N102: 'Bob<U+007F>Brennan' has characters that the element's"
                    + " type (string) does not allow");
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024", "ASI*F*024\u0007"))).isEqualTo("in.edi, line 24:"
                    + " segment 24 (ASI), element ASI02: '024<U+0007>' is 4 characters long; at most 3 are allowed");
        }

        @Test
        void tooManyComponentsAreNamed() {
            assertThat(failure(replaceOnce(ACK, "AK4*2*127", "AK4*2>1>5*127"))).isEqualTo("in.edi, line 11: segment 11"
                    + " (AK4), element AK401: the composite element has more components than allowed");
            assertThat(failure(replaceOnce(REQUESTS, "REF*12*54012345679", "REF*12*5401>2345679"))).isEqualTo("in.edi,"
                    + " line 25: segment 25 (REF), element REF02: the composite element has more components than"
                    + " allowed");
        }

        @Test
        void anImpossibleDateIsNamed() {
            assertThat(failure(replaceOnce(REQUESTS, "DTM*007*20250201", "DTM*007*20250231"))).isEqualTo("in.edi,"
                    + " line 14: segment 14 (DTM), element DTM02: '20250231' is not a date (CCYYMMDD)");
        }

        @Test
        void aValueTooLongOrTooShortIsNamedWithTheLimit() {
            assertThat(failure(replaceOnce(REQUESTS, "Alice Abbott", "A".repeat(61)))).isEqualTo("in.edi, line 7:"
                    + " segment 7 (N1), element N102: '" + "A".repeat(61) + "' is 61 characters long; at most 60 are"
                    + " allowed");
            assertThat(failure(replaceOnce(REQUESTS, "N4*Pelham*MA", "N4*P*MA"))).isEqualTo("in.edi, line 33:"
                    + " segment 33 (N4), element N401: 'P' is 1 characters long; at least 2 are required");
        }

        @Test
        void aNumberWithLettersIsNamed() {
            assertThat(failure(replaceOnce(ACK, "AK9*P*3*3*2", "AK9*P*3*3*X"))).isEqualTo("in.edi, line 13: segment 13"
                    + " (AK9), element AK904: 'X' has characters that the element's type (numeric) does not allow");
        }

        @Test
        void tooManyElementsOrSegmentsAreNamed() {
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024", "ASI*F*024*ABC*X"))).isEqualTo("in.edi, line 24:"
                    + " segment 24 (ASI), element ASI04: the segment has more elements than the transaction set allows");
            String twoLins = replaceOnce(replaceOnce(REQUESTS, "SE*11*0002", "SE*13*0002"), "REF*12*54012345679~\n",
                    "REF*12*54012345679~\nLIN*X*SH*EL*SH*CE~\nASI*F*024~\n");
            assertThat(failure(twoLins)).isEqualTo("in.edi, line 26: segment 26 (LIN): the LIN loop occurs more often"
                    + " than the transaction set allows");
            String twoDates = replaceOnce(replaceOnce(REQUESTS, "SE*13*0001", "SE*14*0001"), "DTM*007*20250201~\n",
                    "DTM*007*20250201~\nDTM*007*20250202~\n");
            assertThat(failure(twoDates)).isEqualTo("in.edi, line 15: segment 15 (DTM): segment DTM occurs more often"
                    + " than the transaction set allows");
        }

        @Test
        void aMissingMandatorySegmentIsNamedWhereItWasExpected() {
            String noAsi = replaceOnce(replaceOnce(REQUESTS, "ASI*F*024~\n", ""), "SE*11*0002", "SE*10*0002");
            assertThat(failure(noAsi)).isEqualTo("in.edi, line 24: segment 24 (REF): the mandatory segment ASI is"
                    + " missing before this one");
        }

        @Test
        void segmentsOutOfOrderAreNamed() {
            String swapped = replaceOnce(REQUESTS, "LIN*VGE-0002*SH*EL*SH*CE~\nASI*F*024~\n",
                    "ASI*F*024~\nLIN*VGE-0002*SH*EL*SH*CE~\n");
            assertThat(failure(swapped)).startsWith("in.edi, line 23: segment 23 (ASI): ");
        }

        @Test
        void elementsThatExcludeEachOtherAreNamed() {
            // BGN05 (time code) needs BGN04 (time): X12 syntax note C0504.
            assertThat(failure(replaceOnce(REQUESTS, "BGN*13*VGE-0002*20250102", "BGN*13*VGE-0002*20250102**ET")))
                    .isEqualTo("in.edi, line 17: segment 17 (BGN), element BGN04: an element is missing that the"
                            + " segment's other elements require (X12 syntax note)");
        }
    }

    @Nested
    class The814Rules {
        @Test
        void theUtilityMustBeATradingPartnerOfTheProgram() {
            assertThat(failure(replaceOnce(REQUESTS, "N1*8S*EVERSOURCE ENERGY*ZZ*EVERSOURCEWMA~\nN1*SJ*VALLEY GREEN"
                    + " ENERGY*ZZ*VALLEYGREEN~\nN1*8R*Alice", "N1*8S*UNITIL*ZZ*UNITIL~\nN1*SJ*VALLEY GREEN ENERGY*ZZ"
                    + "*VALLEYGREEN~\nN1*8R*Alice"))).isEqualTo("in.edi, line 5: segment 5 (N1), element N104: 'ZZ"
                    + " UNITIL' is not the id of a utility the program exchanges 814s with; known: EVERSOURCE_WMA ZZ"
                    + " EVERSOURCEWMA, NATIONAL_GRID_MA ZZ NGRIDMECO");
        }

        @Test
        void theSupplierMustBeTheProgramsOwn() {
            assertThat(failure(replaceOnce(REQUESTS, "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nN1*8R*Alice",
                    "N1*SJ*OTHER*ZZ*OTHERESP~\nN1*8R*Alice"))).isEqualTo("in.edi, line 6: segment 6 (N1), element N104:"
                    + " the 814 is for the supplier 'ZZ OTHERESP', not for this program's supplier 'ZZ VALLEYGREEN'");
            assertThat(failure(replaceOnce(REQUESTS, "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nN1*8R*Alice",
                    "N1*SJ*VALLEY GREEN ENERGY*1*VALLEYGREEN~\nN1*8R*Alice"))).contains("for the supplier '1"
                    + " VALLEYGREEN'");
        }

        @Test
        void eachPartyIsNamedOnceWithItsId() {
            assertThat(failure(replaceOnce(REQUESTS, "N1*8R*Alice Abbott", "N1*SJ*Alice Abbott"))).isEqualTo("in.edi,"
                    + " line 7: segment 7 (N1), element N101: a second N1*SJ; an 814 names each party once");
            assertThat(failure(replaceOnce(REQUESTS, "N1*8R*Bob Brennan", "N1*8S*Bob Brennan"))).isEqualTo("in.edi,"
                    + " line 20: segment 20 (N1), element N101: a second N1*8S; an 814 names each party once");
            String twoCustomers = replaceOnce(REQUESTS, "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nN1*8R*Bob",
                    "N1*8R*BOB~\nN1*8R*Bob");
            assertThat(failure(twoCustomers)).isEqualTo("in.edi, line 20: segment 20 (N1), element N101: a second"
                    + " N1*8R; an 814 names each party once");
            String fourLoops = replaceOnce(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0002",
                    "N4*Amherst*MA*01002~\nN1*8R*Bob~\nLIN*VGE-0002"), "SE*11*0002", "SE*12*0002");
            assertThat(failure(fourLoops)).isEqualTo("in.edi, line 23: segment 23 (N1): the N1 loop occurs more often"
                    + " than the transaction set allows");
            assertThat(failure(replaceOnce(ACCEPTS, "ES-90001*20250103***VGE-0001~\nN1*8S*EVERSOURCE ENERGY*ZZ"
                    + "*EVERSOURCEWMA", "ES-90001*20250103***VGE-0001~\nN1*8S*EVERSOURCE ENERGY"))).isEqualTo("in.edi,"
                    + " line 5: segment 5 (N1), element N104: the utility's id is missing; N103 and N104 identify the"
                    + " party");
            assertThat(failure(replaceOnce(ACCEPTS, "ES-90001*20250103***VGE-0001~\nN1*8S*EVERSOURCE ENERGY*ZZ"
                    + "*EVERSOURCEWMA~\nN1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN", "ES-90001*20250103***VGE-0001~\n"
                    + "N1*8S*EVERSOURCE ENERGY*ZZ*EVERSOURCEWMA~\nN1*SJ*VALLEY GREEN ENERGY"))).isEqualTo("in.edi, line"
                    + " 6: segment 6 (N1), element N104: the supplier's id is missing; N103 and N104 identify the"
                    + " party");
        }

        @Test
        void bothPartiesMustBeNamed() {
            String noUtility = replaceOnce(replaceOnce(REQUESTS, "BGN*13*VGE-0002*20250102~\nN1*8S*EVERSOURCE ENERGY*ZZ"
                    + "*EVERSOURCEWMA~\n", "BGN*13*VGE-0002*20250102~\n"), "SE*11*0002", "SE*10*0002");
            assertThat(failure(noUtility)).isEqualTo("in.edi, line 22: segment 22 (LIN): the 814 names no utility"
                    + " (N1*8S) before its LIN");
            String noSupplier = replaceOnce(replaceOnce(REQUESTS, "EVERSOURCEWMA~\nN1*SJ*VALLEY GREEN ENERGY*ZZ"
                    + "*VALLEYGREEN~\nN1*8R*Bob", "EVERSOURCEWMA~\nN1*8R*Bob"), "SE*11*0002", "SE*10*0002");
            assertThat(failure(noSupplier)).isEqualTo("in.edi, line 22: segment 22 (LIN): the 814 names no supplier"
                    + " (N1*SJ) before its LIN");
        }

        @Test
        void anAddressBelongsToTheCustomer() {
            String address = replaceOnce(replaceOnce(ACCEPTS, "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nLIN*VGE-0001",
                    "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nN3*1 MAIN ST~\nLIN*VGE-0001"), "SE*9*0001", "SE*10*0001");
            assertThat(failure(address)).isEqualTo("in.edi, line 7: segment 7 (N3): an address belongs to the"
                    + " customer's N1*8R loop, not to N1*SJ");
        }

        @Test
        void aRequestNamesTheCustomerAndTheFullServiceAddress() {
            String noCustomer = replaceOnce(replaceOnce(REQUESTS, "N1*8R*Bob Brennan~\nN3*40 Triangle St~\n"
                    + "N4*Amherst*MA*01002~\n", ""), "SE*11*0002", "SE*8*0002");
            assertThat(failure(noCustomer)).isEqualTo("in.edi, line 20: segment 20 (LIN): the request names no"
                    + " customer (N1*8R with N3 and N4) before its LIN");
            assertThat(failure(replaceOnce(REQUESTS, "N1*8R*Bob Brennan", "N1*8R**ZZ*BOB"))).isEqualTo("in.edi, line"
                    + " 20: segment 20 (N1), element N102: the customer's name is missing");
            String noStreet = replaceOnce(replaceOnce(REQUESTS, "N3*40 Triangle St~\n", ""), "SE*11*0002",
                    "SE*10*0002");
            assertThat(failure(noStreet)).isEqualTo("in.edi, line 20: segment 20 (N1): the customer's service address"
                    + " is incomplete; a request has N3 (street) and N4 (city, state, ZIP) after N1*8R");
            String noPlace = replaceOnce(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0002", "LIN*VGE-0002"),
                    "SE*11*0002", "SE*10*0002");
            assertThat(failure(noPlace)).isEqualTo("in.edi, line 20: segment 20 (N1): the customer's service address"
                    + " is incomplete; a request has N3 (street) and N4 (city, state, ZIP) after N1*8R");
            assertThat(failure(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0002", "N4**MA*01002~\n"
                    + "LIN*VGE-0002"))).isEqualTo("in.edi, line 22: segment 22 (N4), element N401: the city of the"
                    + " service address is missing");
            assertThat(failure(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0002", "N4*Amherst**01002~\n"
                    + "LIN*VGE-0002"))).isEqualTo("in.edi, line 22: segment 22 (N4), element N402: the state of the"
                    + " service address is missing");
            assertThat(failure(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0002", "N4*Amherst*MA~\n"
                    + "LIN*VGE-0002"))).isEqualTo("in.edi, line 22: segment 22 (N4), element N403: the ZIP code of the"
                    + " service address is missing");
        }

        @Test
        void theServiceAddressIsInMassachusettsWithAValidZipCode() {
            assertThat(failure(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0001", "N4*Amherst*NY*01002~\n"
                    + "LIN*VGE-0001"))).isEqualTo("in.edi, line 9: segment 9 (N4), element N402: 'NY' is not MA; the"
                    + " program's towns are in Massachusetts");
            assertThat(failure(replaceOnce(REQUESTS, "N4*Amherst*MA*01002~\nLIN*VGE-0001", "N4*Amherst*MA*1002~\n"
                    + "LIN*VGE-0001"))).isEqualTo("in.edi, line 9: segment 9 (N4), element N403: ZIP code must be 5"
                    + " digits (or ZIP+4), was '1002'");
        }

        @Test
        void theServiceIsElectricGeneration() {
            assertThat(failure(replaceOnce(REQUESTS, "LIN*VGE-0002*SH*EL*SH*CE", "LIN*VGE-0002*SH*GAS*SH*CE")))
                    .isEqualTo("in.edi, line 23: segment 23 (LIN), element LIN03: 'GAS' is not EL; OpenCCE exchanges"
                            + " electric service only");
            assertThat(failure(replaceOnce(REQUESTS, "LIN*VGE-0002*SH*EL*SH*CE", "LIN*VGE-0002*SH*EL*SH*HU")))
                    .isEqualTo("in.edi, line 23: segment 23 (LIN), element LIN05: 'HU' is not CE; OpenCCE requests"
                            + " generation service only (LIN*...*SH*EL*SH*CE)");
            assertThat(failure(replaceOnce(REQUESTS, "LIN*VGE-0002*SH*EL*SH*CE", "LIN*VGE-0002*SH*EL"))).isEqualTo(
                    "in.edi, line 23: segment 23 (LIN), element LIN05: '' is not CE; OpenCCE requests generation"
                            + " service only (LIN*...*SH*EL*SH*CE)");
            assertThat(failure(replaceOnce(REQUESTS, "LIN*VGE-0002*SH*EL*SH*CE", "LIN**SH*EL*SH*CE"))).isEqualTo(
                    "in.edi, line 23: segment 23 (LIN), element LIN01: the tracking number is missing; a request and its"
                            + " response carry it in LIN01");
        }

        @Test
        void theTrackingNumberIsTheRequestsReference() {
            assertThat(failure(replaceOnce(REQUESTS, "LIN*VGE-0002*", "LIN*VGE-9999*"))).isEqualTo("in.edi, line 23:"
                    + " segment 23 (LIN), element LIN01: tracking number 'VGE-9999' differs from the request's BGN02"
                    + " 'VGE-0002'; OpenCCE uses the request's reference for both");
            assertThat(failure(replaceOnce(ACCEPTS, "LIN*VGE-0002*", "LIN*VGE-9999*"))).isEqualTo("in.edi, line 16:"
                    + " segment 16 (LIN), element LIN01: tracking number 'VGE-9999' differs from BGN06 'VGE-0002', the"
                    + " request this response answers");
        }

        @Test
        void aResponseWithoutBgn06AnswersItsTrackingNumber() {
            EdiInterchange read = read(replaceOnce(ACCEPTS, "BGN*11*ES-90002*20250103***VGE-0002",
                    "BGN*11*ES-90002*20250103"));
            assertThat(read.responses().get(1).originalReference()).isEqualTo("VGE-0002");
        }

        @Test
        void theActionCodeMatchesThePurposeOfTheTransactionSet() {
            assertThat(failure(replaceOnce(REQUESTS, "ASI*F*024", "ASI*WQ*024"))).isEqualTo("in.edi, line 24: segment"
                    + " 24 (ASI), element ASI01: 'WQ' answers a request, but BGN01 13 makes this 814 a request; a"
                    + " request has ASI01 7 or F, a response WQ or U");
            assertThat(failure(replaceOnce(ACCEPTS, "ASI*WQ*024", "ASI*7*024"))).isEqualTo("in.edi, line 17: segment"
                    + " 17 (ASI), element ASI01: '7' asks for an action, but BGN01 11 makes this 814 a response; a"
                    + " request has ASI01 7 or F, a response WQ or U");
            assertThat(failure(replaceOnce(ACCEPTS, "ASI*WQ*024", "ASI*F*024"))).contains("'F' asks for an action");
        }

        @Test
        void aDropRequestedWithActionCode7IsADropToo() {
            EdiInterchange read = read(replaceOnce(REQUESTS, "ASI*F*024", "ASI*7*024"));
            assertThat(read.requests().get(1).kind()).isEqualTo(EnrollmentKind.DROP);
        }

        @Test
        void theAccountNumberComesOnceAndValid() {
            String noAccount = replaceOnce(replaceOnce(REQUESTS, "REF*12*54012345679~\n", "REF*RB*x~\n"),
                    "ASI*F*024", "ASI*7*021");
            assertThat(failure(noAccount)).isEqualTo("in.edi, line 24: segment 24 (ASI): the 814 has no utility account"
                    + " number (REF*12) after its ASI");
            String twice = replaceOnce(replaceOnce(REQUESTS, "REF*12*54012345679~\n", "REF*12*54012345679~\n"
                    + "REF*12*54012345679~\n"), "SE*11*0002", "SE*12*0002");
            assertThat(failure(twice)).isEqualTo("in.edi, line 26: segment 26 (REF), element REF01: a second REF*12; the"
                    + " 814 carries it once (first in segment 25 (REF))");
            assertThat(failure(replaceOnce(REQUESTS, "REF*12*54012345679", "REF*12*540.123"))).isEqualTo("in.edi, line"
                    + " 25: segment 25 (REF), element REF02: utility account number must be 4 to 30 letters, digits or"
                    + " dashes, was '540.123'");
            assertThat(failure(replaceOnce(REQUESTS, "REF*12*54012345679", "REF*12**BOB"))).isEqualTo("in.edi, line"
                    + " 25: segment 25 (REF), element REF02: the value of REF*12 is missing");
        }

        @Test
        void aRateCodeBelongsToAnEnrollmentOrChangeRequest() {
            String onDrop = replaceOnce(replaceOnce(REQUESTS, "REF*12*54012345679~\n", "REF*12*54012345679~\n"
                    + "REF*RB*standard~\n"), "SE*11*0002", "SE*12*0002");
            assertThat(failure(onDrop)).isEqualTo("in.edi, line 26: segment 26 (REF), element REF01: a rate code"
                    + " (REF*RB) belongs to an enrollment or change request only");
            String onResponse = replaceOnce(replaceOnce(ACCEPTS, "REF*12*54098765432~\n", "REF*12*54098765432~\n"
                    + "REF*RB*standard~\n"), "SE*8*0003", "SE*9*0003");
            assertThat(failure(onResponse)).contains("segment 28 (REF), element REF01: a rate code (REF*RB) belongs");
            String twice = replaceOnce(replaceOnce(REQUESTS, "REF*RB*standard~\n", "REF*RB*standard~\nREF*RB*x~\n"),
                    "SE*13*0001", "SE*14*0001");
            assertThat(failure(twice)).isEqualTo("in.edi, line 14: segment 14 (REF), element REF01: a second REF*RB;"
                    + " the 814 carries it once (first in segment 13 (REF))");
        }

        @Test
        void aReasonForChangeBelongsToAChangeRequestAndNamesTheRateCode() {
            assertThat(failure(replaceOnce(REQUESTS, "REF*TD*REFRB", "REF*TD*N18R"))).isEqualTo("in.edi, line 36:"
                    + " segment 36 (REF), element REF02: 'N18R' is not REFRB; OpenCCE changes the rate code (REF*RB)"
                    + " only");
            String onEnroll = replaceOnce(replaceOnce(REQUESTS, "ASI*7*021~\n", "ASI*7*021~\nREF*TD*REFRB~\n"),
                    "SE*13*0001", "SE*14*0001");
            assertThat(failure(onEnroll)).isEqualTo("in.edi, line 12: segment 12 (REF), element REF01: a reason for"
                    + " change (REF*TD) belongs to a change request only");
            String onResponse = replaceOnce(replaceOnce(ACCEPTS, "ASI*WQ*001~\n", "ASI*WQ*001~\nREF*TD*REFRB~\n"),
                    "SE*8*0003", "SE*9*0003");
            assertThat(failure(onResponse)).contains("a reason for change (REF*TD) belongs to a change request only");
            String twice = replaceOnce(replaceOnce(REQUESTS, "REF*TD*REFRB~\n", "REF*TD*REFRB~\nREF*TD*REFRB~\n"),
                    "SE*13*0003", "SE*14*0003");
            assertThat(failure(twice)).contains("segment 37 (REF), element REF01: a second REF*TD");
        }

        @Test
        void aChangeRequestCarriesTheRateCodeAndTheReason() {
            String noReason = replaceOnce(replaceOnce(REQUESTS, "REF*TD*REFRB~\n", ""), "SE*13*0003", "SE*12*0003");
            assertThat(failure(noReason)).isEqualTo("in.edi, line 35: segment 35 (ASI): a change request carries the"
                    + " new rate code (REF*RB) and the reason for change REF*TD*REFRB");
            String noRate = replaceOnce(replaceOnce(REQUESTS, "REF*RB*green-100~\n", ""), "SE*13*0003", "SE*12*0003");
            assertThat(failure(noRate)).isEqualTo("in.edi, line 35: segment 35 (ASI): a change request carries the"
                    + " new rate code (REF*RB) and the reason for change REF*TD*REFRB");
        }

        @Test
        void rejectionReasonsBelongToAReject() {
            assertThat(failure(replaceOnce(REJECTS, "ASI*U*021~\nREF*7G*A76", "ASI*WQ*021~\nREF*7G*A76"))).isEqualTo(
                    "in.edi, line 9: segment 9 (REF), element REF01: a rejection reason (REF*7G) belongs to a reject"
                            + " response (ASI01 U) only");
            String onRequest = replaceOnce(replaceOnce(REQUESTS, "ASI*F*024~\n", "ASI*F*024~\nREF*7G*A13~\n"),
                    "SE*11*0002", "SE*12*0002");
            assertThat(failure(onRequest)).contains("segment 25 (REF), element REF01: a rejection reason (REF*7G)");
            String withoutReason = replaceOnce(replaceOnce(REJECTS, "REF*7G*A76*ACCOUNT NOT FOUND~\n", ""), "SE*9*0001",
                    "SE*8*0001");
            assertThat(failure(withoutReason)).isEqualTo("in.edi, line 8: segment 8 (ASI), element ASI01: a reject"
                    + " response (ASI01 U) gives its reasons in REF*7G, and this one has none");
        }

        @Test
        void aResponseMayEchoTheCustomer() {
            String echoed = replaceOnce(replaceOnce(ACCEPTS, "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nLIN*VGE-0001",
                    "N1*SJ*VALLEY GREEN ENERGY*ZZ*VALLEYGREEN~\nN1*8R*ALICE ABBOTT~\nN3*12 KELLOGG AVE~\n"
                            + "LIN*VGE-0001"), "SE*9*0001", "SE*11*0001");
            assertThat(read(echoed)).isEqualTo(EdiFixtures.eversourceAccepts());
        }

        @Test
        void theEffectiveDateNeedsItsDate() {
            assertThat(failure(replaceOnce(REQUESTS, "DTM*007*20250201", "DTM*007**0930"))).isEqualTo("in.edi, line 14:"
                    + " segment 14 (DTM), element DTM02: the effective date is missing; OpenCCE reads DTM*007*CCYYMMDD");
        }
    }

    @Nested
    class Acknowledgments {
        @Test
        void segmentAndElementNotesAreReadWithComponentPositions() {
            String notes = replaceOnce(replaceOnce(ACK, "AK4*2*127*7*green-100~\n", "AK4*2>1**7~\nAK3*DTM*13~\n"),
                    "SE*12*0001", "SE*13*0001");
            FunctionalAck997.SetResult rejected = read(notes).acknowledgments().get(0).sets().get(2);
            assertThat(rejected.segmentNotes()).containsExactly(
                    new FunctionalAck997.SegmentNote("REF", 12, Optional.of("LIN"), Optional.of("8"), List.of(
                            new FunctionalAck997.ElementNote(2, OptionalInt.of(1), Optional.empty(), "7",
                                    Optional.empty()))),
                    new FunctionalAck997.SegmentNote("DTM", 13, Optional.empty(), Optional.empty(), List.of()));
        }

        @Test
        void fiveErrorCodesAreReadForASetAndForTheGroup() {
            FunctionalAck997 ack = read(replaceOnce(replaceOnce(ACK, "AK5*R*5", "AK5*R*1*2*3*4*5"), "AK9*P*3*3*2",
                    "AK9*R*3*3*0*1*2*3*4*5")).acknowledgments().get(0);
            assertThat(ack.sets().get(2).errorCodes()).containsExactly("1", "2", "3", "4", "5");
            assertThat(ack.groupErrorCodes()).containsExactly("1", "2", "3", "4", "5");
        }

        @Test
        void anEmptyComponentPositionIsAbsent() {
            FunctionalAck997 ack = read(replaceOnce(ACK, "AK4*2*127", "AK4*2>*127")).acknowledgments().get(0);
            assertThat(ack.sets().get(2).segmentNotes().get(0).elementNotes().get(0).componentPosition()).isEmpty();
        }

        @Test
        void groupErrorCodesAreRead() {
            FunctionalAck997 ack = read(replaceOnce(ACK, "AK9*P*3*3*2", "AK9*R*3*3*0*4*5")).acknowledgments().get(0);
            assertThat(ack.groupErrorCodes()).containsExactly("4", "5");
            assertThat(ack.accepted()).isFalse();
        }

        @Test
        void aNoteThatBreaksTheRulesOfA997IsNamed() {
            assertThat(failure(replaceOnce(ACK, "AK3*REF*12*LIN*8", "AK3*REF*0*LIN*8"))).isEqualTo("in.edi, line 4:"
                    + " segment 4 (AK1): AK302 segment position must be at least 1, was 0");
        }
    }

    @Nested
    class Sources {
        @Test
        void readsAFileNamingItByItsFileName(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("from-eversource.edi");
            Files.write(file, EdiFixtures.golden("responses-accept.edi"));
            assertThat(EdiReader.read(file, EdiFixtures.PARTNERS)).isEqualTo(EdiFixtures.eversourceAccepts());

            Files.writeString(file, "");
            assertThatThrownBy(() -> EdiReader.read(file, EdiFixtures.PARTNERS)).isInstanceOf(FormatException.class)
                    .hasMessage("from-eversource.edi: the file is empty; an X12 file starts with an ISA interchange"
                            + " header");
        }

        @Test
        void aFileThatCannotBeReadIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("missing.edi");
            assertThatThrownBy(() -> EdiReader.read(missing, EdiFixtures.PARTNERS)).isInstanceOf(FormatException.class)
                    .hasMessageStartingWith("missing.edi: cannot read the file: ");
        }

        @Test
        void readsAStream() {
            InputStream in = new ByteArrayInputStream(EdiFixtures.golden("responses-reject.edi"));
            assertThat(EdiReader.read(in, "stream", EdiFixtures.PARTNERS)).isEqualTo(EdiFixtures.nationalGridRejects());
        }

        @Test
        void aStreamThatFailsIsNamed() {
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk gone");
                }
            };
            assertThatThrownBy(() -> EdiReader.read(broken, "stream", EdiFixtures.PARTNERS))
                    .isInstanceOf(FormatException.class).hasMessage("stream: cannot read the file: disk gone");
        }

        @Test
        void theUtilityOfAnInboundFileIsFoundByItsId() {
            EdiInterchange read = read(REJECTS);
            assertThat(read.responses()).extracting(Enrollment814Response::utility)
                    .containsOnly(Utility.NATIONAL_GRID_MA);
        }
    }
}
