package org.opencce.formats.edi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencce.domain.Fixtures;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;
import org.opencce.formats.edi.FunctionalAck997.AckCode;
import org.opencce.formats.edi.FunctionalAck997.ElementNote;
import org.opencce.formats.edi.FunctionalAck997.SegmentNote;
import org.opencce.formats.edi.FunctionalAck997.SetResult;
import org.opencce.formats.edi.InterchangeEnvelope.Usage;

/**
 * The EDI exchanges of the fixture community, Valley Green Energy, with its two utilities: the values
 * each golden file under {@code src/test/resources/org/opencce/formats/edi/} holds. The parties use
 * mutually defined (ZZ) ids that are plainly not real D-U-N-S numbers.
 */
final class EdiFixtures {
    static final EdiParty VALLEY_GREEN = new EdiParty("VALLEYGREEN", "ZZ", "VALLEY GREEN ENERGY");
    static final EdiParty EVERSOURCE = new EdiParty("EVERSOURCEWMA", "ZZ", "EVERSOURCE ENERGY");
    static final EdiParty NATIONAL_GRID = new EdiParty("NGRIDMECO", "ZZ", "NATIONAL GRID");
    static final TradingPartners PARTNERS = new TradingPartners(VALLEY_GREEN,
            Map.of(Utility.EVERSOURCE_WMA, EVERSOURCE, Utility.NATIONAL_GRID_MA, NATIONAL_GRID));

    static final LocalDateTime SENT = LocalDateTime.of(2025, 1, 2, 9, 30);

    private EdiFixtures() {
    }

    static Account account(AccountId id) {
        return Fixtures.valleyAccounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    static Enrollment814Request request(EnrollmentKind kind, String reference, AccountId id,
            Optional<LocalDate> effective, Optional<String> product) {
        Account a = account(id);
        return new Enrollment814Request(kind, reference, a.number(), a.utility(), a.customerName(), a.serviceAddress(),
                effective, product);
    }

    static InterchangeEnvelope toUtility(String receiverId, long controlNumber) {
        return new InterchangeEnvelope("ZZ", "VALLEYGREEN", "ZZ", receiverId, "VALLEYGREEN", receiverId, controlNumber,
                controlNumber, SENT, Usage.TEST);
    }

    static InterchangeEnvelope fromUtility(String senderId, long controlNumber, LocalDateTime created, Usage usage) {
        return new InterchangeEnvelope("ZZ", senderId, "ZZ", "VALLEYGREEN", senderId, "VALLEYGREEN", controlNumber,
                controlNumber, created, usage);
    }

    /** requests-eversource.edi: enroll Alice, drop Bob (he opted out after launch), change Erin's product. */
    static EdiInterchange eversourceRequests() {
        return EdiInterchange.numbered(toUtility("EVERSOURCEWMA", 101), List.of(
                request(EnrollmentKind.ENROLL, "VGE-0001", Fixtures.ALICE, Optional.of(LocalDate.of(2025, 2, 1)),
                        Optional.of("standard")),
                request(EnrollmentKind.DROP, "VGE-0002", Fixtures.BOB, Optional.empty(), Optional.empty()),
                request(EnrollmentKind.CHANGE, "VGE-0003", Fixtures.ERIN, Optional.empty(), Optional.of("green-100"))));
    }

    /** requests-national-grid.edi: enroll Carol, and the deli, which opted in from its competitive supplier. */
    static EdiInterchange nationalGridRequests() {
        return EdiInterchange.numbered(toUtility("NGRIDMECO", 102), List.of(
                request(EnrollmentKind.ENROLL, "VGE-0004", Fixtures.CAROL, Optional.of(LocalDate.of(2025, 2, 1)),
                        Optional.of("green-100")),
                request(EnrollmentKind.ENROLL, "VGE-0005", Fixtures.DELI, Optional.empty(), Optional.of("standard"))));
    }

    /** responses-accept.edi: Eversource accepts the three requests. */
    static EdiInterchange eversourceAccepts() {
        Optional<LocalDate> read = Optional.of(LocalDate.of(2025, 2, 13));
        return EdiInterchange.numbered(fromUtility("EVERSOURCEWMA", 4711, LocalDateTime.of(2025, 1, 3, 14, 5, 30),
                Usage.PRODUCTION), List.of(
                        accepted("ES-90001", "VGE-0001", EnrollmentKind.ENROLL, "54012345678", read),
                        accepted("ES-90002", "VGE-0002", EnrollmentKind.DROP, "54012345679", read),
                        accepted("ES-90003", "VGE-0003", EnrollmentKind.CHANGE, "54098765432", Optional.empty())));
    }

    private static Enrollment814Response accepted(String reference, String original, EnrollmentKind kind,
            String account, Optional<LocalDate> effective) {
        return new Enrollment814Response(reference, original, kind, new UtilityAccountNumber(account),
                Utility.EVERSOURCE_WMA, true, List.of(), effective);
    }

    /** responses-reject.edi: National Grid rejects both enrollments, with REF*7G reasons. */
    static EdiInterchange nationalGridRejects() {
        return EdiInterchange.numbered(fromUtility("NGRIDMECO", 815, LocalDateTime.of(2025, 1, 3, 16, 0),
                Usage.PRODUCTION), List.of(
                        new Enrollment814Response("NG-5001", "VGE-0004", EnrollmentKind.ENROLL,
                                new UtilityAccountNumber("8123456789"), Utility.NATIONAL_GRID_MA, false,
                                List.of(new Rejection("A76", Optional.of("ACCOUNT NOT FOUND"))), Optional.empty()),
                        new Enrollment814Response("NG-5002", "VGE-0005", EnrollmentKind.ENROLL,
                                new UtilityAccountNumber("8123456790"), Utility.NATIONAL_GRID_MA, false,
                                List.of(new Rejection("API", Optional.of("REQUIRED INFORMATION MISSING")),
                                        new Rejection("A13", Optional.empty())), Optional.empty())));
    }

    /**
     * ack-997.edi: Eversource acknowledges group 101; it accepts sets 0001 and 0002 and rejects 0003,
     * whose REF*RB (segment 12 of the set) holds a rate code it does not know.
     */
    static EdiInterchange eversourceAcknowledgment() {
        SetResult rejected = new SetResult("814", "0003", AckCode.REJECTED, List.of("5"), List.of(
                new SegmentNote("REF", 12, Optional.of("LIN"), Optional.of("8"), List.of(
                        new ElementNote(2, java.util.OptionalInt.empty(), Optional.of("127"), "7",
                                Optional.of("green-100"))))));
        FunctionalAck997 ack = new FunctionalAck997("GE", 101, List.of(SetResult.accepted("814", "0001"),
                SetResult.accepted("814", "0002"), rejected), AckCode.PARTIALLY_ACCEPTED, 3, 3, 2, List.of());
        return EdiInterchange.numbered(fromUtility("EVERSOURCEWMA", 4700, LocalDateTime.of(2025, 1, 2, 10, 12),
                Usage.TEST), List.of(ack));
    }

    /** The bytes of a golden file. */
    static byte[] golden(String name) {
        try (InputStream in = EdiFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden file as text, to derive malformed variants from. */
    static String goldenText(String name) {
        return new String(golden(name), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
