package org.opencce.app.edi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.formats.edi.EdiInterchange;
import org.opencce.formats.edi.EdiReader;
import org.opencce.formats.edi.EdiWriter;
import org.opencce.formats.edi.Enrollment814Request;
import org.opencce.formats.edi.Enrollment814Response;
import org.opencce.formats.edi.FunctionalAck997;
import org.opencce.formats.edi.InterchangeEnvelope;
import org.opencce.formats.edi.Rejection;
import org.opencce.formats.edi.TradingPartners;

/**
 * A stand-in for a utility's EDI desk, for tests and the walkthrough ({@code opencce edi respond}): it
 * reads one 814 request file the program exported and writes what the utility would send back, with the
 * same formats writers the program uses: a 997 accepting every transaction set, and an 814 response per
 * request that accepts it, or rejects every {@code rejectEvery}-th one with a REF*7G reason.
 *
 * <p>The answers are deterministic: they are dated the day after the requests, the 997 carries the
 * request file's control number and the responses the next one, each response's reference is
 * {@code RSP-} and the request's, and an accepted request takes effect on the date it asked for or else
 * on the first day of the month after the answer (a stand-in for the next meter read). It is not a
 * model of any real utility's rules. Stateless and thread-safe.
 */
public final class UtilitySimulator {
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    /**
     * Descriptions of the UIG rejection reason codes the walkthrough uses (REF*7G REF03); source: the
     * Illinois CPWG rejection and status reason code table, as {@code docs/formats/edi-814.md} cites it.
     */
    private static final Map<String, String> REASONS = Map.of(
            "A13", "OTHER",
            "A76", "ACCOUNT NOT FOUND",
            "ABN", "DUPLICATE REQUEST",
            "API", "REQUIRED INFORMATION MISSING");
    /** The reason given when none is asked for: the account is not found. */
    public static final String DEFAULT_REASON = "A76";

    private UtilitySimulator() {
    }

    /** The two files written, and how many requests were accepted and rejected. */
    public record Result(Utility utility, Path acknowledgment, Path responses, int accepted, int rejected) {
    }

    /**
     * Answers the requests of {@code requestFile} as the utility it is addressed to, writing the 997 and
     * the 814 responses into {@code folder}.
     *
     * @param rejectEvery reject the 1st, 2nd… every {@code rejectEvery}-th request; 0 rejects none
     * @param reasonCode the REF*7G code of the rejections
     * @throws OpenCceException if the file is not a valid 814 request file to one of the program's utilities
     */
    public static Result respond(EdiSetup setup, Path requestFile, Path folder, int rejectEvery, String reasonCode) {
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (rejectEvery < 0) {
            throw new IllegalArgumentException("--reject-every must be 0 (reject none) or more, was " + rejectEvery);
        }
        TradingPartners partners = EdiParties.tradingPartners(setup);
        EdiInterchange requests = EdiReader.read(requestFile, partners);
        InterchangeEnvelope in = requests.envelope();
        String source = requestFile.getFileName().toString();
        if (requests.requests().size() != requests.sets().size()) {
            throw new OpenCceException(source + " is not an 814 request file: the utility simulator answers the"
                    + " requests the program exports");
        }
        Utility utility = setup.utilityByInterchangeId(in.receiverQualifier(), in.receiverId()).orElseThrow(() ->
                new OpenCceException(source + " is addressed to " + in.receiverQualifier() + " " + in.receiverId()
                        + ", which is not one of the program's utilities"));
        LocalDateTime answered = in.created().plusDays(1);
        long ackNumber = in.interchangeControlNumber();
        long responseNumber = ackNumber == InterchangeEnvelope.MAX_CONTROL_NUMBER ? 1 : ackNumber + 1;

        List<Enrollment814Response> responses = new ArrayList<>();
        int rejected = 0;
        List<Enrollment814Request> all = requests.requests();
        for (int i = 0; i < all.size(); i++) {
            Enrollment814Request r = all.get(i);
            boolean reject = rejectEvery > 0 && (i + 1) % rejectEvery == 0;
            rejected += reject ? 1 : 0;
            List<Rejection> reasons = reject
                    ? List.of(new Rejection(reasonCode, Optional.ofNullable(REASONS.get(reasonCode))))
                    : List.of();
            Optional<LocalDate> effective = reject ? Optional.empty()
                    : Optional.of(r.effectiveDate().orElse(answered.toLocalDate().withDayOfMonth(1).plusMonths(1)));
            responses.add(new Enrollment814Response("RSP-" + r.reference(), r.reference(), r.kind(), r.account(),
                    r.utility(), !reject, reasons, effective));
        }
        EdiInterchange ack = EdiInterchange.numbered(EdiParties.fromUtility(setup, utility, ackNumber, answered),
                List.of(FunctionalAck997.acceptingAll(requests)));
        EdiInterchange answers = EdiInterchange.numbered(EdiParties.fromUtility(setup, utility, responseNumber,
                answered), responses);
        String prefix = EdiParties.slug(utility);
        String date = answered.format(FILE_DATE);
        Path ackFile = write(folder, prefix + "-997-" + date + "-" + String.format("%09d", ackNumber) + ".edi",
                EdiWriter.toBytes(ack, partners));
        Path responseFile = write(folder, prefix + "-814-responses-" + date + "-"
                + String.format("%09d", responseNumber) + ".edi", EdiWriter.toBytes(answers, partners));
        return new Result(utility, ackFile, responseFile, responses.size() - rejected, rejected);
    }

    private static Path write(Path folder, String name, byte[] bytes) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OpenCceException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        Path target = folder.resolve(name);
        Path temporary = EdiFiles.temporary(folder, name);
        EdiFiles.writeDurably(temporary, bytes);
        EdiFiles.move(temporary, target);
        return target;
    }
}
