package org.opencce.app.edi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencce.domain.OpenCceException;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.ServiceAddress;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.Channel;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.UtilityRequest;
import org.opencce.domain.time.LocalCalendar;
import org.opencce.formats.edi.EdiInterchange;
import org.opencce.formats.edi.EdiWriter;
import org.opencce.formats.edi.Enrollment814Request;
import org.opencce.formats.edi.EnrollmentKind;
import org.opencce.formats.edi.TradingPartners;
import org.opencce.store.EdiStore;
import org.opencce.store.EnrollmentStore;

/**
 * {@code opencce edi export}: one 814 interchange per utility holding one transaction set for every
 * account whose enrollment has a request to send ({@link Enrollment#requestToSend()}: enroll, change,
 * drop), each with a reference of its own (BGN02 and LIN01, {@code <control number>-<set number>}).
 *
 * <p>The order makes a crash harmless ({@code docs/formats/edi-814.md}, "Exchanging files"):
 * <ol>
 *   <li>under a lock on the accounts, the requests are read again, written by {@link EdiWriter} (which
 *       validates every segment) to a hidden temporary file in the outbound folder and forced to disk;</li>
 *   <li>in the same transaction the {@code *_SENT} events (with the reference), the requests and the
 *       batch with its bytes are recorded, and committed together;</li>
 *   <li>the file is moved into place and the batch marked delivered.</li>
 * </ol>
 * A failure before the commit leaves no event, no request and no file (the requests stay queued and go
 * in the next export). A failure after it leaves a committed batch not yet delivered: the next export
 * delivers that same file first, byte for byte, under the same control number and references, so no
 * account is ever recorded as sent without a file for the utility. Control numbers come from a database
 * sequence and are never reused.
 *
 * <p>Thread-safe; two exports of one program at once serialize on the accounts' locks, and the second
 * finds nothing left to send.
 */
public final class EdiExport {
    /** The audit log action of an export. */
    public static final String AUDIT_ACTION = "edi.export";
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    /** N102, N301 and N401 lengths in X12 004010 (elements 93, 166 and 19). */
    private static final int NAME_LENGTH = 60;
    private static final int STREET_LENGTH = 55;
    private static final int CITY_LENGTH = 30;

    /** The points of an export where a test may make it fail, to check what a crash there leaves. */
    public enum Step {
        /** A utility's file was written to its temporary file, before anything is recorded. */
        FILE_WRITTEN,
        /** A utility's events, requests and batch were recorded, before the commit. */
        RECORDED,
        /** Everything was committed, before the files are moved into the folder. */
        COMMITTED
    }

    /** A test seam: called at each {@link Step}; the real export passes {@link #NONE}. */
    @FunctionalInterface
    public interface Checkpoints {
        Checkpoints NONE = step -> { };

        void reached(Step step);
    }

    private final EnrollmentStore enrollments;
    private final EdiStore edi;
    private final Clock clock;
    private final Checkpoints checkpoints;

    public EdiExport(EnrollmentStore enrollments, EdiStore edi, Clock clock, Checkpoints checkpoints) {
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.edi = Objects.requireNonNull(edi, "edi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** One file written: to whom, where, its control number and its requests by kind. */
    public record SentFile(Utility utility, Path file, long controlNumber, Map<UtilityRequest, Integer> requests) {
        public SentFile {
            Objects.requireNonNull(utility, "utility");
            Objects.requireNonNull(file, "file");
            requests = Map.copyOf(requests);
        }

        /** How many requests the file holds. */
        public int total() {
            return requests.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A file committed by an earlier export that failed before moving it, now delivered. */
    public record Redelivered(Utility utility, Path file, long controlNumber, boolean wasAlreadyThere) {
    }

    /** A request left queued for the next export, and why it could not go in this one. */
    public record NotSent(AccountId account, String accountNumber, UtilityRequest kind, String reason) {
    }

    /** What an export did. */
    public record Result(List<SentFile> files, List<Redelivered> redelivered, List<NotSent> notSent) {
        public Result {
            files = List.copyOf(files);
            redelivered = List.copyOf(redelivered);
            notSent = List.copyOf(notSent);
        }

        /** Requests sent, by utility and kind. */
        public Map<Utility, Map<UtilityRequest, Integer>> byUtility() {
            Map<Utility, Map<UtilityRequest, Integer>> counts = new EnumMap<>(Utility.class);
            for (SentFile f : files) {
                Map<UtilityRequest, Integer> kinds = counts.computeIfAbsent(f.utility(), u -> zeros());
                f.requests().forEach((k, n) -> kinds.merge(k, n, Integer::sum));
            }
            return counts;
        }

        /** How many requests were sent in all. */
        public int total() {
            return files.stream().mapToInt(SentFile::total).sum();
        }
    }

    /**
     * Delivers what an earlier export committed and did not move, then sends every queued request of
     * {@code program} into {@code folder} (created if missing).
     *
     * @throws OpenCceException if the folder cannot be written or the setup cannot name a utility; nothing
     *     of this export is recorded then
     */
    public Result export(ProgramId program, Path folder, String actor) {
        Objects.requireNonNull(actor, "actor");
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OpenCceException("cannot create the outbound folder " + dir + ": " + e.getMessage(), e);
        }
        List<Redelivered> redelivered = deliverPending(program, dir);
        EdiSetup setup = edi.setup(program).orElse(EdiSetup.testDefaults());
        TradingPartners partners = EdiParties.tradingPartners(setup);

        // Who has something to send, from one streaming read; each is read again under its lock below.
        Map<Utility, List<AccountId>> queued = new TreeMap<>();
        enrollments.forEach(program, Set.of(), (account, enrollment) -> {
            if (enrollment.requestToSend().isPresent()) {
                queued.computeIfAbsent(account.utility(), u -> new ArrayList<>()).add(account.id());
            }
        });
        List<NotSent> notSent = new ArrayList<>();
        if (queued.isEmpty()) {
            return new Result(List.of(), redelivered, notSent);
        }
        List<Written> written = new ArrayList<>();
        try {
            edi.inTransaction(program, tx -> {
                for (Map.Entry<Utility, List<AccountId>> e : queued.entrySet()) {
                    Written w = batch(tx, setup, partners, e.getKey(), e.getValue(), dir, actor, notSent);
                    if (w != null) {
                        written.add(w);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            for (Written w : written) {
                EdiFiles.deleteQuietly(w.temporary);
            }
            throw e;
        }
        checkpoints.reached(Step.COMMITTED);
        List<SentFile> files = new ArrayList<>();
        for (Written w : written) {
            EdiFiles.move(w.temporary, w.target);
            edi.markDelivered(program, w.controlNumber, dir.toString(), clock.instant());
            files.add(new SentFile(w.utility, w.target, w.controlNumber, w.requests));
        }
        return new Result(files, redelivered, notSent);
    }

    /** A file written to its temporary place and recorded in the transaction, to move once committed. */
    private record Written(Utility utility, long controlNumber, Path temporary, Path target,
            Map<UtilityRequest, Integer> requests) {
    }

    /** One request about to be written: the account, what it asks, and the 814 made of it. */
    private record Draft(Account account, UtilityRequest kind, Enrollment814Request request) {
    }

    private Written batch(EdiStore.Tx tx, EdiSetup setup, TradingPartners partners, Utility utility,
            List<AccountId> ids, Path dir, String actor, List<NotSent> notSent) {
        Map<AccountId, Enrollment> locked = tx.enrollments().lock(ids);
        Map<AccountId, Account> accounts = tx.enrollments().accounts().find(ids);
        Instant now = clock.instant();
        LocalDateTime created = LocalDateTime.ofInstant(now, LocalCalendar.ZONE).truncatedTo(ChronoUnit.SECONDS);
        List<Account> sending = new ArrayList<>();
        for (AccountId id : ids) {
            Enrollment e = locked.get(id);
            // an account whose request was withdrawn since the read above (an opt-out) has nothing to send
            if (e != null && e.requestToSend().isPresent() && accounts.containsKey(id)) {
                sending.add(accounts.get(id));
            }
        }
        if (sending.isEmpty()) {
            return null;
        }
        long control = tx.nextControlNumber();
        List<Draft> drafts = new ArrayList<>();
        for (Account a : sending) {
            Enrollment e = locked.get(a.id());
            UtilityRequest kind = e.requestToSend().orElseThrow();
            try {
                drafts.add(new Draft(a, kind, request(setup, a, e, kind, "0")));
            } catch (IllegalArgumentException | OpenCceException problem) {
                notSent.add(new NotSent(a.id(), a.number().value(), kind, problem.getMessage()));
            }
        }
        byte[] bytes = null;
        List<Draft> numbered = List.of();
        while (bytes == null && !drafts.isEmpty()) {
            numbered = numbered(drafts, control);
            try {
                bytes = EdiWriter.toBytes(EdiInterchange.numbered(EdiParties.toUtility(setup, utility, control,
                        created), numbered.stream().map(Draft::request).toList()), partners);
            } catch (IllegalArgumentException invalid) {
                // The writer names the request it could not write; that one stays queued, the others go.
                int culprit = culprit(numbered, invalid.getMessage());
                if (culprit < 0) {
                    throw new OpenCceException("the 814 file for " + utility.displayName() + " would not be valid: "
                            + invalid.getMessage(), invalid);
                }
                Draft bad = drafts.remove(culprit);
                notSent.add(new NotSent(bad.account.id(), bad.account.number().value(), bad.kind,
                        invalid.getMessage()));
            }
        }
        if (bytes == null) {
            return null;
        }
        String fileName = EdiParties.slug(utility) + "-814-" + created.format(FILE_DATE) + "-"
                + String.format("%09d", control) + ".edi";
        Path temporary = EdiFiles.temporary(dir, fileName);
        Path target = dir.resolve(fileName);
        if (Files.exists(target)) {
            throw new OpenCceException(target + " exists already; control number " + control + " is new, so the file"
                    + " was not written by this installation: move it away and export again");
        }
        EdiFiles.writeDurably(temporary, bytes);
        Written written = new Written(utility, control, temporary, target, counts(numbered));
        try {
            checkpoints.reached(Step.FILE_WRITTEN);
            EdiStore.Batch batch = EdiStore.Batch.made(control, utility, fileName, created.atZone(LocalCalendar.ZONE)
                    .toInstant(), EdiFiles.sha256(bytes));
            List<EnrollmentStore.ReferencedEvent> events = new ArrayList<>();
            List<EdiStore.Request> requests = new ArrayList<>();
            for (int i = 0; i < numbered.size(); i++) {
                Draft d = numbered.get(i);
                String reference = d.request.reference();
                events.add(new EnrollmentStore.ReferencedEvent(EnrollmentEvent.ofReason(d.account.id(), sentKind(d.kind),
                        now, actor, Channel.EDI, "814 " + reference + " in " + fileName), reference));
                requests.add(EdiStore.Request.sent(reference, d.account.id(), d.kind, batch, setNumber(i)));
            }
            tx.enrollments().appendReferenced(events);
            tx.recordBatch(batch, bytes, requests);
            tx.enrollments().audit(actor, AUDIT_ACTION, fileName + " to " + utility.displayName() + ": "
                    + describe(written.requests) + " (control number " + control + ")");
            checkpoints.reached(Step.RECORDED);
        } catch (RuntimeException e) {
            EdiFiles.deleteQuietly(temporary);
            throw e;
        }
        return written;
    }

    /** The 814 of one account's queued request; the reference is set when the batch is numbered. */
    private static Enrollment814Request request(EdiSetup setup, Account a, Enrollment e, UtilityRequest kind,
            String reference) {
        ServiceAddress address = new ServiceAddress(X12SafeText.of(a.serviceAddress().street(), STREET_LENGTH),
                X12SafeText.of(a.serviceAddress().city(), CITY_LENGTH), a.serviceAddress().zip());
        String name = X12SafeText.of(a.customerName(), NAME_LENGTH);
        if (kind == UtilityRequest.ENROLL) {
            String code = setup.productCode(e.product().orElseThrow(() -> new OpenCceException("account "
                    + a.number().value() + " is queued for enrollment without a product")));
            return new Enrollment814Request(EnrollmentKind.ENROLL, reference, a.number(), a.utility(), name, address,
                    Optional.empty(), Optional.of(code));
        }
        if (kind == UtilityRequest.CHANGE) {
            // the change takes effect on the next meter-read date, asked for in DTM*007 (issue 6, section 2)
            var change = e.pendingChange().orElseThrow(() -> new OpenCceException("account " + a.number().value()
                    + " is queued for a product change without one"));
            return new Enrollment814Request(EnrollmentKind.CHANGE, reference, a.number(), a.utility(), name, address,
                    Optional.of(change.effective()), Optional.of(setup.productCode(change.product())));
        }
        return new Enrollment814Request(EnrollmentKind.DROP, reference, a.number(), a.utility(), name, address,
                Optional.empty(), Optional.empty());
    }

    /** The drafts with their references, {@code <control>-<set>}, in set order. */
    private static List<Draft> numbered(List<Draft> drafts, long control) {
        List<Draft> numbered = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Enrollment814Request r = d.request;
            numbered.add(new Draft(d.account, d.kind, new Enrollment814Request(r.kind(), control + "-" + setNumber(i),
                    r.account(), r.utility(), r.customerName(), r.serviceAddress(), r.effectiveDate(),
                    r.productCode())));
        }
        return numbered;
    }

    /** ST02 of the {@code i}-th set (from 0), as {@link EdiInterchange#numbered} numbers them. */
    private static String setNumber(int i) {
        return String.format("%04d", i + 1);
    }

    /** The index of the request whose reference the writer's message names, or -1. */
    private static int culprit(List<Draft> drafts, String message) {
        for (int i = 0; i < drafts.size(); i++) {
            if (message != null && message.contains("814 request " + drafts.get(i).request.reference() + " ")) {
                return i;
            }
        }
        return -1;
    }

    private static EventKind sentKind(UtilityRequest kind) {
        if (kind == UtilityRequest.ENROLL) {
            return EventKind.ENROLLMENT_SENT;
        }
        return kind == UtilityRequest.CHANGE ? EventKind.PRODUCT_CHANGE_SENT : EventKind.DROP_SENT;
    }

    private static Map<UtilityRequest, Integer> counts(List<Draft> drafts) {
        Map<UtilityRequest, Integer> counts = zeros();
        for (Draft d : drafts) {
            counts.merge(d.kind, 1, Integer::sum);
        }
        return counts;
    }

    private static Map<UtilityRequest, Integer> zeros() {
        Map<UtilityRequest, Integer> zeros = new EnumMap<>(UtilityRequest.class);
        Arrays.stream(UtilityRequest.values()).forEach(k -> zeros.put(k, 0));
        return zeros;
    }

    /** "2 enroll, 0 change, 1 drop". */
    static String describe(Map<UtilityRequest, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (UtilityRequest k : UtilityRequest.values()) {
            parts.add(counts.getOrDefault(k, 0) + " " + k.wireName());
        }
        return String.join(", ", parts);
    }

    /**
     * Moves into {@code dir} every batch an earlier export committed but did not deliver: the hidden
     * temporary file if it is still there with the committed bytes, else the committed bytes themselves.
     */
    private List<Redelivered> deliverPending(ProgramId program, Path dir) {
        List<Redelivered> done = new ArrayList<>();
        for (EdiStore.Batch batch : edi.undelivered(program)) {
            byte[] committed = edi.contents(program, batch.controlNumber()).orElseThrow();
            Path target = dir.resolve(batch.fileName());
            byte[] there = EdiFiles.readIfPresent(target);
            boolean alreadyThere = there != null && Arrays.equals(there, committed);
            if (!alreadyThere) {
                if (there != null) {
                    throw new OpenCceException(target + " exists with other contents than batch " + batch.controlNumber()
                            + " committed; move it away and export again to deliver the batch");
                }
                Path temporary = EdiFiles.temporary(dir, batch.fileName());
                byte[] left = EdiFiles.readIfPresent(temporary);
                if (left == null || !Arrays.equals(left, committed)) {
                    EdiFiles.writeDurably(temporary, committed);
                }
                EdiFiles.move(temporary, target);
            }
            edi.markDelivered(program, batch.controlNumber(), dir.toString(), clock.instant());
            done.add(new Redelivered(batch.utility(), target, batch.controlNumber(), alreadyThere));
        }
        return done;
    }
}
