package org.opencce.formats.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/**
 * The writer validates every segment against the schemas while it builds the file in memory: a
 * request that would make an invalid file throws, naming the request, the element and the rule, and
 * nothing reaches the caller's stream.
 */
class EdiWriterTest {

    private static Enrollment814Request enroll(String reference, String name, ServiceAddress address,
            Optional<String> product) {
        return new Enrollment814Request(EnrollmentKind.ENROLL, reference, new UtilityAccountNumber("54012345678"),
                Utility.EVERSOURCE_WMA, name, address, Optional.empty(), product);
    }

    private static final ServiceAddress KELLOGG = new ServiceAddress("12 Kellogg Ave", "Amherst", "01002");

    /** Writes {@code request} as the second set of a batch after a valid one, to a stream that must stay empty. */
    private static String failure(Enrollment814Request request) {
        EdiInterchange batch = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 101), List.of(
                enroll("VGE-0001", "Alice Abbott", KELLOGG, Optional.empty()), request));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EdiWriter.write(batch, EdiFixtures.PARTNERS, out);
        } catch (IllegalArgumentException e) {
            assertThat(out.size()).as("bytes written before the failure").isZero();
            return e.getMessage();
        }
        throw new AssertionError("the batch was written");
    }

    @Test
    void aValueLongerThanItsElementAllowsFailsBeforeAnythingIsWritten() {
        assertThat(failure(enroll("VGE-0002", "A".repeat(61), KELLOGG, Optional.empty()))).isEqualTo("cannot write 814"
                + " request VGE-0002 (transaction set 0002): element N102: '" + "A".repeat(61) + "' is 61 characters"
                + " long; at most 60 are allowed");
        assertThat(failure(enroll("VGE-0002", "Bo", new ServiceAddress("1 " + "B".repeat(54), "Amherst", "01002"),
                Optional.empty()))).isEqualTo("cannot write 814 request VGE-0002 (transaction set 0002): element N301:"
                        + " '1 " + "B".repeat(54) + "' is 56 characters long; at most 55 are allowed");
        assertThat(failure(enroll("VGE-" + "0".repeat(17), "Bo", KELLOGG, Optional.empty()))).isEqualTo("cannot write"
                + " 814 request VGE-00000000000000000 (transaction set 0002): element LIN01: 'VGE-00000000000000000' is"
                + " 21 characters long; at most 20 are allowed");
    }

    @Test
    void aValueShorterThanItsElementAllowsFails() {
        assertThat(failure(enroll("VGE-0002", "Bo", new ServiceAddress("1 Main St", "X", "01002"), Optional.empty())))
                .isEqualTo("cannot write 814 request VGE-0002 (transaction set 0002): element N401: 'X' is 1 characters"
                        + " long; at least 2 are required");
    }

    @Test
    void aDelimiterOrACharacterOutsideAsciiFails() {
        assertThat(failure(enroll("VGE-0002", "Bob*Brennan", KELLOGG, Optional.empty()))).isEqualTo("cannot write 814"
                + " request VGE-0002 (transaction set 0002): element N102: 'Bob*Brennan' holds '*' at character 4, which"
                + " is an X12 delimiter in OpenCCE's files (~ * >)");
        assertThat(failure(enroll("VGE-0002", "Bob", KELLOGG, Optional.of("a~b")))).contains("element REF02: 'a~b'"
                + " holds '~' at character 2");
        assertThat(failure(enroll("VGE-0002", "Bob", KELLOGG, Optional.of("a>b")))).contains("element REF02: 'a>b'"
                + " holds '>' at character 2");
        assertThat(failure(enroll("VGE-0002", "Zo\u00eb", KELLOGG, Optional.empty()))).isEqualTo("cannot write 814"
                + " request VGE-0002 (transaction set 0002): element N102: 'Zo\u00eb' holds U+00EB at character 3,"
                + " which is outside the X12 character set (printable ASCII); write it without accents or symbols");
        assertThat(failure(enroll("VGE-0002", "Bob\tBrennan", KELLOGG, Optional.empty()))).contains("holds U+0009 at"
                + " character 4");
        assertThat(failure(enroll("VGE-0002", "Bob\u007f", KELLOGG, Optional.empty()))).contains("holds U+007F at"
                + " character 4");
    }

    @Test
    void theEdgesOfTheCharacterSetAreWritten() {
        EdiInterchange batch = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 101), List.of(
                enroll("VGE-0001", " !Bob}|", KELLOGG, Optional.empty())));
        String written = new String(EdiWriter.toBytes(batch, EdiFixtures.PARTNERS), StandardCharsets.US_ASCII);
        assertThat(written).contains("N1*8R* !Bob}|~\n");
    }

    @Test
    void aRequestForAUtilityWithoutATradingPartnerFails() {
        TradingPartners eversourceOnly = new TradingPartners(EdiFixtures.VALLEY_GREEN,
                Map.of(Utility.EVERSOURCE_WMA, EdiFixtures.EVERSOURCE));
        assertThatThrownBy(() -> EdiWriter.toBytes(EdiFixtures.nationalGridRequests(), eversourceOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no EDI trading partner is configured for"
                        + " utility NATIONAL_GRID_MA; known: [EVERSOURCE_WMA]");
    }

    @Test
    void anAcknowledgmentNoteTooLongFailsNamingTheGroup() {
        FunctionalAck997.SetResult set = new FunctionalAck997.SetResult("814", "0001", FunctionalAck997.AckCode.REJECTED,
                List.of("5"), List.of(new FunctionalAck997.SegmentNote("REF", 9, Optional.of("LOOP1"),
                        Optional.of("8"), List.of())));
        FunctionalAck997 ack = new FunctionalAck997("GE", 101, List.of(set), FunctionalAck997.AckCode.REJECTED, 1, 1, 0,
                List.of());
        EdiInterchange interchange = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 7), List.of(ack));
        assertThatThrownBy(() -> EdiWriter.toBytes(interchange, EdiFixtures.PARTNERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot write 997 for group 101 (transaction"
                        + " set 0001): element AK303: 'LOOP1' is 5 characters long; at most 4 are allowed");
    }

    @Test
    void aNoteOnAComponentIsWrittenAsAComposite() {
        FunctionalAck997.SetResult set = new FunctionalAck997.SetResult("814", "0001", FunctionalAck997.AckCode.REJECTED,
                List.of("5", "4"), List.of(new FunctionalAck997.SegmentNote("REF", 9, Optional.empty(),
                        Optional.empty(), List.of(new FunctionalAck997.ElementNote(4, OptionalInt.of(2),
                                Optional.empty(), "1", Optional.empty())))));
        FunctionalAck997 ack = new FunctionalAck997("GE", 101, List.of(set), FunctionalAck997.AckCode.REJECTED, 1, 1, 0,
                List.of("4"));
        EdiInterchange interchange = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 7), List.of(ack));
        byte[] bytes = EdiWriter.toBytes(interchange, EdiFixtures.PARTNERS);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("GS*FA*").contains("AK3*REF*9~\n"
                + "AK4*4>2**1~\nAK5*R*5*4~\nAK9*R*1*1*0*4~\nSE*8*0001~\n");
        assertThat(EdiReader.read(bytes, "ack", EdiFixtures.PARTNERS)).isEqualTo(interchange);
    }

    @Test
    void aResponseThatCannotBeWrittenIsNamedByItsReference() {
        Enrollment814Response rejected = new Enrollment814Response("R-1", "VGE-0001", EnrollmentKind.ENROLL,
                new UtilityAccountNumber("54012345678"), Utility.EVERSOURCE_WMA, false,
                List.of(new Rejection("A13", Optional.of("X".repeat(81)))), Optional.empty());
        EdiInterchange interchange = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 7),
                List.of(rejected));
        assertThatThrownBy(() -> EdiWriter.toBytes(interchange, EdiFixtures.PARTNERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot write 814 response R-1 (transaction"
                        + " set 0001): element REF03: '" + "X".repeat(81) + "' is 81 characters long; at most 80 are"
                        + " allowed");
    }

    @Test
    void aTimeWithSecondsIsWrittenInGs05AndMinutesInIsa10() {
        String written = new String(EdiWriter.toBytes(EdiFixtures.eversourceAccepts(), EdiFixtures.PARTNERS),
                StandardCharsets.US_ASCII);
        assertThat(written).contains("*250103*1405*U*").contains("*20250103*140530*4711*");
    }

    @Test
    void theEffectiveDateOfAResponseIsWritten() {
        Enrollment814Response dated = new Enrollment814Response("R-1", "VGE-0001", EnrollmentKind.ENROLL,
                new UtilityAccountNumber("54012345678"), Utility.EVERSOURCE_WMA, true, List.of(),
                Optional.of(LocalDate.of(2025, 3, 4)));
        EdiInterchange interchange = EdiInterchange.numbered(EdiFixtures.toUtility("EVERSOURCEWMA", 7), List.of(dated));
        assertThat(new String(EdiWriter.toBytes(interchange, EdiFixtures.PARTNERS), StandardCharsets.US_ASCII))
                .contains("REF*12*54012345678~\nDTM*007*20250304~\nSE*9*0001~\n");
    }

    @Test
    void aStreamThatFailsIsReported() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> EdiWriter.write(EdiFixtures.eversourceRequests(), EdiFixtures.PARTNERS, broken))
                .isInstanceOf(UncheckedIOException.class).hasMessage("cannot write the X12 file: disk full");
    }

    @Test
    void writesToTheCallersStreamAndFlushesIt() {
        boolean[] flushed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushed[0] = true;
            }
        };
        EdiWriter.write(EdiFixtures.eversourceRequests(), EdiFixtures.PARTNERS, out);
        assertThat(out.toByteArray()).isEqualTo(EdiFixtures.golden("requests-eversource.edi"));
        assertThat(flushed[0]).isTrue();
    }
}
