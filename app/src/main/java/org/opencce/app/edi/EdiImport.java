package org.opencce.app.edi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.Decision;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.domain.report.BatchReport;
import org.opencce.formats.edi.EdiInterchange;
import org.opencce.formats.edi.EdiReader;
import org.opencce.formats.edi.Enrollment814Response;
import org.opencce.formats.edi.EnrollmentKind;
import org.opencce.formats.edi.FunctionalAck997;
import org.opencce.formats.edi.InterchangeEnvelope;
import org.opencce.formats.edi.Rejection;
import org.opencce.formats.edi.TransactionSet;
import org.opencce.store.EdiStore;
import org.opencce.store.EnrollmentStore;
import org.opencce.store.ImportLog;

/**
 * {@code opencce edi import}: applies a utility's 814 responses and 997 acknowledgments to the requests
 * the program sent ({@code docs/formats/edi-814.md}, "Exchanging files").
 *
 * <p>Each file is read whole first ({@link EdiReader}: a malformed file is refused naming the segment),
 * then checked whole against what the program sent: every response must answer a request of this
 * program, for the same account, kind and utility, and every 997 must acknowledge a group the program
 * sent that utility. Any of these problems refuses the whole file, and nothing from it is applied: the
 * safe reading of "never half-applied", since a file that answers requests we never sent is a file to
 * look at before trusting the rest of it. Then, in one transaction:
 * <ul>
 *   <li>an accepted 814 response records {@code enrollment_accepted}, {@code drop_accepted} or
 *       {@code product_change_applied}, with the DTM*007 effective date when given (for a change,
 *       otherwise the date the change asked for);</li>
 *   <li>a rejected one records the {@code *_rejected} event with the REF*7G codes and texts as the reason,
 *       which staff see on the account;</li>
 *   <li>a 997 marks the group's sets acknowledged; a set it rejects (AK5, or AK9 for the whole group) will
 *       never be answered, so its request is recorded rejected with the 997's codes, and staff request it
 *       again once the cause is fixed;</li>
 *   <li>the file's hash goes to the import log (kinds {@value #KIND_814} and {@value #KIND_997}), so the
 *       same file imported again is a no-op reported as such.</li>
 * </ul>
 * An answer the account's history no longer awaits (the account left meanwhile) is stored on the request
 * and reported, without an event. Thread-safe: two imports answering one request run one after the other.
 */
public final class EdiImport {
    /** Import log kind of an 814 response file. */
    public static final String KIND_814 = "edi-814";
    /** Import log kind of a 997 file. */
    public static final String KIND_997 = "edi-997";
    /** The audit log action of an import. */
    public static final String AUDIT_ACTION = "edi.import";

    private final ImportLog imports;
    private final EdiStore edi;
    private final Clock clock;

    public EdiImport(ImportLog imports, EdiStore edi, Clock clock) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.edi = Objects.requireNonNull(edi, "edi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What became of one transaction set of a file. */
    public enum Outcome {
        /** The utility accepted the request (814), or its transaction set (997). */
        ACCEPTED,
        /** The utility rejected the request (814) or refused its transaction set (997). */
        REJECTED
    }

    /**
     * One transaction set's answer as applied: the set, the request it answers ({@code reference}), the
     * account's utility account number and what was asked, the outcome, the utility's reason for a rejection,
     * the effective date given, and a {@code note} when the answer changed no enrollment (why).
     */
    public record Answer(String set, String reference, String accountNumber, UtilityRequest kind, Outcome outcome,
            String reason, Optional<LocalDate> effective, Optional<String> note) {
        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(effective, "effective");
            Objects.requireNonNull(note, "note");
        }
    }

    /**
     * What importing one file did: its kind ({@value #KIND_814} or {@value #KIND_997}), whether it had been
     * imported before (then nothing changed and {@code answers} is empty), and {@code read = accepted +
     * rejected} transaction sets with each answer.
     */
    public record FileReport(String source, String kind, boolean alreadyImported, int read, int accepted,
            int rejected, List<Answer> answers) {
        public FileReport {
            answers = List.copyOf(answers);
            if (read != accepted + rejected) {
                throw new IllegalArgumentException("report of " + source + " does not add up: read " + read
                        + " ≠ accepted " + accepted + " + rejected " + rejected);
            }
        }
    }

    /** A file refused whole: nothing of it was applied. The message names the file and says why. */
    public static final class Refused extends OpenCceException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Imports one file for {@code program}.
     *
     * @throws Refused if the file is malformed or does not answer what the program sent; nothing is applied
     */
    public FileReport importFile(ProgramId program, Path file, String actor) {
        String source = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused(source + ": cannot read the file: " + e.getMessage(), e);
        }
        String sha256 = EdiFiles.sha256(bytes);
        Optional<FileReport> before = importedBefore(program, source, sha256);
        if (before.isPresent()) {
            return before.get();
        }
        EdiSetup setup = edi.setup(program).orElse(EdiSetup.testDefaults());
        EdiInterchange interchange;
        try {
            interchange = EdiReader.read(bytes, source, EdiParties.tradingPartners(setup));
        } catch (OpenCceException malformed) {
            throw new Refused(malformed.getMessage() + " (nothing from the file was applied)", malformed);
        }
        Utility utility = sender(setup, interchange.envelope(), source);
        try {
            if ("FA".equals(interchange.functionalGroupCode())) {
                return edi.inTransaction(program, tx -> new Acknowledgments(tx, source, sha256, actor, utility, setup)
                        .apply(interchange));
            }
            if (!interchange.requests().isEmpty()) {
                throw refuse(source, "it holds 814 requests from " + utility.displayName() + " (BGN01 13); OpenCCE"
                        + " imports the utility's responses and 997s, and requests the utility starts (a drop it"
                        + " initiates) are not read yet");
            }
            return edi.inTransaction(program, tx -> new Responses(tx, source, sha256, actor, utility, setup)
                    .apply(interchange));
        } catch (ImportedMeanwhile e) {
            return importedBefore(program, source, sha256).orElseThrow();
        }
    }

    private Optional<FileReport> importedBefore(ProgramId program, String source, String sha256) {
        for (String kind : List.of(KIND_814, KIND_997)) {
            Optional<ImportLog.Entry> entry = imports.find(program, kind, sha256);
            if (entry.isPresent()) {
                ImportLog.Entry e = entry.get();
                return Optional.of(new FileReport(source, kind, true, e.read(), e.accepted(), e.rejected(), List.of()));
            }
        }
        return Optional.empty();
    }

    /** The utility that sent the file, by its ISA id; the file must be addressed to the program's supplier. */
    private static Utility sender(EdiSetup setup, InterchangeEnvelope envelope, String source) {
        if (!setup.supplier().interchangeQualifier().equals(envelope.receiverQualifier())
                || !setup.supplier().interchangeId().equals(envelope.receiverId())) {
            throw refuse(source, "it is addressed to " + envelope.receiverQualifier() + " " + envelope.receiverId()
                    + " (ISA07/ISA08), not to the program's supplier " + setup.supplier().interchangeQualifier() + " "
                    + setup.supplier().interchangeId());
        }
        return setup.utilityByInterchangeId(envelope.senderQualifier(), envelope.senderId()).orElseThrow(() ->
                refuse(source, "it was sent by " + envelope.senderQualifier() + " " + envelope.senderId()
                        + " (ISA05/ISA06), which is not one of the program's utilities ("
                        + setup.utilities().entrySet().stream().map(u -> u.getKey().displayName() + " "
                                + u.getValue().interchangeQualifier() + " " + u.getValue().interchangeId())
                                .collect(Collectors.joining(", ")) + ")"));
    }

    static Refused refuse(String source, String why) {
        return new Refused(source + " refused, nothing applied: " + why);
    }

    /** Another import of the same file committed while this one ran: this one rolls back. */
    private static final class ImportedMeanwhile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ImportedMeanwhile() {
            super(null, null, false, false);
        }
    }

    /** The events and request updates of one file, decided on the accounts' locked enrollments. */
    private abstract class Application {
        final EdiStore.Tx tx;
        final String source;
        final String sha256;
        final String actor;
        final Utility utility;
        /** The utility's N1 id: the actor of the events its files record. */
        final String utilityActor;
        final Instant now = clock.instant();
        final List<EnrollmentStore.ReferencedEvent> events = new ArrayList<>();
        final List<EdiStore.Request> updates = new ArrayList<>();
        final List<Answer> answers = new ArrayList<>();
        private Map<AccountId, Enrollment> enrollments = new HashMap<>();
        private Map<AccountId, Account> accounts = new HashMap<>();

        Application(EdiStore.Tx tx, String source, String sha256, String actor, Utility utility, EdiSetup setup) {
            this.tx = tx;
            this.source = source;
            this.sha256 = sha256;
            this.actor = actor;
            this.utility = utility;
            this.utilityActor = setup.utility(utility).id();
        }

        Enrollment enrollment(AccountId id) {
            return enrollments.get(id);
        }

        void lock(Set<AccountId> ids) {
            enrollments = new HashMap<>(tx.enrollments().lock(ids));
            accounts = tx.enrollments().accounts().find(List.copyOf(ids));
        }

        String number(AccountId id) {
            Account a = accounts.get(id);
            return a == null ? "account " + id.value() : a.number().value();
        }

        /** Records {@code event} if the account's history allows it now; otherwise says why it does not. */
        Optional<String> record(EnrollmentEvent event, String reference) {
            Enrollment current = enrollments.get(event.account());
            if (current == null) {
                return Optional.of("not applied: account " + number(event.account()) + " has no enrollment history");
            }
            Decision decision = current.check(event);
            if (decision instanceof Decision.Refused) {
                return Optional.of("not applied: " + ((Decision.Refused) decision).reason());
            }
            enrollments.put(event.account(), ((Decision.Allowed) decision).next());
            events.add(new EnrollmentStore.ReferencedEvent(event, reference));
            return Optional.empty();
        }

        FileReport finish(String kind, String what) {
            tx.enrollments().appendReferenced(events);
            tx.update(updates);
            int accepted = (int) answers.stream().filter(a -> a.outcome() == Outcome.ACCEPTED).count();
            List<BatchReport.Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                if (a.outcome() == Outcome.REJECTED) {
                    // the "line" of an EDI batch report is the transaction set's place in the file, from 1
                    rejections.add(new BatchReport.Rejection(i + 1, a.reference() + " " + a.accountNumber() + ": "
                            + a.reason()));
                }
            }
            BatchReport report = new BatchReport(source, answers.size(), accepted, rejections, false);
            if (!tx.enrollments().recordImport(kind, sha256, report, actor)) {
                throw new ImportedMeanwhile();
            }
            tx.enrollments().audit(actor, AUDIT_ACTION, source + " from " + utility.displayName() + ": " + what
                    + ", read " + report.read() + " = accepted " + report.accepted() + " + rejected "
                    + report.rejected());
            return new FileReport(source, kind, false, report.read(), report.accepted(), report.rejected(), answers);
        }
    }

    /** An 814 response file. */
    private final class Responses extends Application {

        Responses(EdiStore.Tx tx, String source, String sha256, String actor, Utility utility, EdiSetup setup) {
            super(tx, source, sha256, actor, utility, setup);
        }

        FileReport apply(EdiInterchange interchange) {
            Map<String, TransactionSet> byReference = new LinkedHashMap<>();
            for (TransactionSet set : interchange.sets()) {
                Enrollment814Response r = (Enrollment814Response) set.content();
                if (byReference.put(r.originalReference(), set) != null) {
                    throw refuse(source, "transaction sets " + byReference.get(r.originalReference()).controlNumber()
                            + " and " + set.controlNumber() + " both answer 814 request " + r.originalReference());
                }
            }
            Map<String, EdiStore.Request> sent = tx.lockRequests(byReference.keySet());
            Set<AccountId> ids = new HashSet<>();
            sent.values().forEach(r -> ids.add(r.account()));
            lock(ids);
            List<TransactionSet> fresh = new ArrayList<>();
            for (TransactionSet set : byReference.values()) {
                if (check(set, sent)) {
                    fresh.add(set);
                }
            }
            for (TransactionSet set : fresh) {
                answer(set, sent.get(((Enrollment814Response) set.content()).originalReference()));
            }
            return finish(KIND_814, "814 responses");
        }

        /** Refuses the file unless the response answers a request of the program as sent; false for a repeat. */
        private boolean check(TransactionSet set, Map<String, EdiStore.Request> sent) {
            Enrollment814Response r = (Enrollment814Response) set.content();
            String where = "transaction set " + set.controlNumber() + " (response " + r.reference() + ")";
            EdiStore.Request request = sent.get(r.originalReference());
            if (request == null) {
                throw refuse(source, where + " answers 814 request " + r.originalReference() + ", which this program"
                        + " never sent");
            }
            if (r.utility() != utility || request.utility() != utility) {
                throw refuse(source, where + " answers request " + r.originalReference() + " sent to "
                        + request.utility().displayName() + " in a file from " + utility.displayName());
            }
            if (!number(request.account()).equals(r.account().value())) {
                throw refuse(source, where + " is for account " + r.account().value() + ", but request "
                        + r.originalReference() + " was for account " + number(request.account()));
            }
            if (kindOf(request.kind()) != r.kind()) {
                throw refuse(source, where + " answers a " + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " (ASI02 " + r.kind().maintenanceTypeCode() + "), but request " + r.originalReference()
                        + " was a " + request.kind().wireName());
            }
            if (request.status().isAnswered()) {
                boolean sameAnswer = request.responseReference().equals(Optional.of(r.reference()))
                        && request.status() == (r.accepted() ? EdiStore.Status.ACCEPTED : EdiStore.Status.REJECTED);
                if (!sameAnswer) {
                    throw refuse(source, where + " answers request " + r.originalReference() + ", which was already "
                            + request.status().wireName() + (request.responseReference().map(x -> " by response " + x)
                                    .orElse(" by the utility's 997")) + " on " + request.statusAt());
                }
                answers.add(new Answer(set.controlNumber(), r.originalReference(), r.account().value(),
                        request.kind(), r.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED, reasons(r),
                        r.effectiveDate(), Optional.of("already applied from an earlier file")));
                return false;
            }
            return true;
        }

        private void answer(TransactionSet set, EdiStore.Request request) {
            Enrollment814Response r = (Enrollment814Response) set.content();
            AccountId account = request.account();
            EnrollmentEvent event;
            Optional<LocalDate> effective = r.effectiveDate();
            if (r.accepted()) {
                if (request.kind() == UtilityRequest.CHANGE && effective.isEmpty()) {
                    // the change applies on the date it asked for, the next meter read (issue 6, section 2)
                    effective = Optional.ofNullable(enrollment(account)).flatMap(Enrollment::pendingChange)
                            .map(c -> c.effective());
                }
                EnrollmentEvent accepted = EnrollmentEvent.of(account, acceptedKind(request.kind()), now, utilityActor,
                        Channel.EDI);
                event = effective.map(accepted::withDate).orElse(accepted);
            } else {
                event = EnrollmentEvent.ofReason(account, rejectedKind(request.kind()), now, utilityActor, Channel.EDI,
                        reasons(r));
            }
            Optional<String> note = record(event, request.reference());
            updates.add(request.answered(r.accepted() ? EdiStore.Status.ACCEPTED : EdiStore.Status.REJECTED, now,
                    reasons(r), Optional.of(r.reference())));
            answers.add(new Answer(set.controlNumber(), request.reference(), r.account().value(), request.kind(),
                    r.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED, reasons(r), effective, note));
        }
    }

    /** A 997 file. */
    private final class Acknowledgments extends Application {

        Acknowledgments(EdiStore.Tx tx, String source, String sha256, String actor, Utility utility,
                EdiSetup setup) {
            super(tx, source, sha256, actor, utility, setup);
        }

        FileReport apply(EdiInterchange interchange) {
            Set<Long> groups = new HashSet<>();
            List<Acked> acked = new ArrayList<>();
            for (FunctionalAck997 ack : interchange.acknowledgments()) {
                if (!"GE".equals(ack.functionalIdentifier())) {
                    throw refuse(source, "its 997 acknowledges a " + ack.functionalIdentifier() + " group (AK101);"
                            + " the program sends 814s, in GE groups, only");
                }
                long group = ack.groupControlNumber();
                if (!groups.add(group)) {
                    throw refuse(source, "two 997s acknowledge functional group " + group);
                }
                EdiStore.Batch batch = tx.batch(group).orElseThrow(() -> refuse(source, "its 997 acknowledges"
                        + " functional group " + group + " (AK102), which this program never sent"));
                if (batch.utility() != utility) {
                    throw refuse(source, "its 997 from " + utility.displayName() + " acknowledges functional group "
                            + group + ", which was sent to " + batch.utility().displayName());
                }
                List<EdiStore.Request> requests = tx.lockBatchRequests(group);
                Map<String, FunctionalAck997.SetResult> results = new HashMap<>();
                Set<String> sets = requests.stream().map(EdiStore.Request::setControlNumber).collect(Collectors.toSet());
                for (FunctionalAck997.SetResult result : ack.sets()) {
                    if (!sets.contains(result.controlNumber()) || !"814".equals(result.transactionSetCode())) {
                        throw refuse(source, "its 997 names transaction set " + result.transactionSetCode() + " "
                                + result.controlNumber() + " (AK2), which functional group " + group + " ("
                                + batch.fileName() + ") does not hold");
                    }
                    results.put(result.controlNumber(), result);
                }
                if (ack.groupAcknowledgment() == FunctionalAck997.AckCode.PARTIALLY_ACCEPTED) {
                    // a partial acceptance judges every set (X12 997, AK9 P): without a set's AK5 its fate is unknown
                    for (EdiStore.Request r : requests) {
                        if (!results.containsKey(r.setControlNumber())) {
                            throw refuse(source, "its 997 accepts functional group " + group + " in part (AK9 P)"
                                    + " without naming transaction set " + r.setControlNumber() + " in an AK2; ask "
                                    + utility.displayName() + " for a 997 that names every set");
                        }
                    }
                }
                acked.add(new Acked(ack, batch, requests, results));
            }
            Set<AccountId> ids = new HashSet<>();
            acked.forEach(a -> a.requests.forEach(r -> ids.add(r.account())));
            lock(ids);
            for (Acked a : acked) {
                for (EdiStore.Request request : a.requests) {
                    acknowledge(a, request);
                }
            }
            return finish(KIND_997, "997 for group(s) " + groups.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }

        private void acknowledge(Acked a, EdiStore.Request request) {
            FunctionalAck997.SetResult result = a.results.get(request.setControlNumber());
            FunctionalAck997.AckCode group = a.ack.groupAcknowledgment();
            boolean accepted;
            if (result != null) {
                accepted = result.acknowledgment().isAccepted();
            } else {
                accepted = group.isAccepted();
            }
            if (accepted) {
                updates.add(request.acknowledged(now));
                answers.add(new Answer(request.setControlNumber(), request.reference(), number(request.account()),
                        request.kind(), Outcome.ACCEPTED, "", Optional.empty(), Optional.empty()));
                return;
            }
            String reason = Ack997Text.refusal(a.ack, result, a.batch.fileName(), request.setControlNumber());
            Optional<String> note;
            if (request.status() == EdiStore.Status.REFUSED) {
                note = Optional.of("already refused by an earlier 997");
            } else if (request.status().isAnswered()) {
                note = Optional.of("not applied: the utility's 814 response already " + request.status().wireName()
                        + " it");
            } else {
                note = record(EnrollmentEvent.ofReason(request.account(), rejectedKind(request.kind()), now,
                        utilityActor, Channel.EDI, reason), request.reference());
                updates.add(request.answered(EdiStore.Status.REFUSED, now, reason, Optional.empty()));
            }
            answers.add(new Answer(request.setControlNumber(), request.reference(), number(request.account()),
                    request.kind(), Outcome.REJECTED, reason, Optional.empty(), note));
        }
    }

    /** One 997 with the batch it acknowledges, its requests (locked) and its set results by set number. */
    private record Acked(FunctionalAck997 ack, EdiStore.Batch batch, List<EdiStore.Request> requests,
            Map<String, FunctionalAck997.SetResult> results) {
    }

    private static String reasons(Enrollment814Response r) {
        return r.rejections().stream().map(EdiImport::reason).collect(Collectors.joining("; "));
    }

    private static String reason(Rejection r) {
        return r.code() + r.text().map(t -> " " + t).orElse("");
    }

    private static EnrollmentKind kindOf(UtilityRequest request) {
        if (request == UtilityRequest.ENROLL) {
            return EnrollmentKind.ENROLL;
        }
        return request == UtilityRequest.CHANGE ? EnrollmentKind.CHANGE : EnrollmentKind.DROP;
    }

    private static EventKind acceptedKind(UtilityRequest request) {
        if (request == UtilityRequest.ENROLL) {
            return EventKind.ENROLLMENT_ACCEPTED;
        }
        return request == UtilityRequest.CHANGE ? EventKind.PRODUCT_CHANGE_APPLIED : EventKind.DROP_ACCEPTED;
    }

    private static EventKind rejectedKind(UtilityRequest request) {
        if (request == UtilityRequest.ENROLL) {
            return EventKind.ENROLLMENT_REJECTED;
        }
        return request == UtilityRequest.CHANGE ? EventKind.PRODUCT_CHANGE_REJECTED : EventKind.DROP_REJECTED;
    }
}
