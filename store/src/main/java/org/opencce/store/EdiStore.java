package org.opencce.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.EdiSetup;
import org.opencce.domain.enrollment.UtilityRequest;

/**
 * The EDI 814/997 exchange with the utilities (issue 6, section 3.7; {@code docs/formats/edi-814.md},
 * "Exchanging files"): each program's trading-partner {@link EdiSetup}, the batches (one interchange
 * file each) it sent with their bytes, and every 814 request in them by its reference, with where the
 * utility's answer stands ({@link Status}).
 *
 * <p>Changes go through {@link #inTransaction}, whose {@link Tx} is also the enrollment transaction:
 * a batch's requests are recorded with their {@code *_SENT} events, and an answer with the events it
 * leads to, in one commit or not at all. Control numbers come from a database sequence and are never
 * given twice, even when the transaction that drew one rolls back. Thread-safe.
 */
public interface EdiStore {

    /** The setup the program's file gave, if any (without one the program uses {@link EdiSetup#testDefaults()}). */
    Optional<EdiSetup> setup(ProgramId program);

    /** Replaces the program's setup; empty removes it, so the test defaults apply again. */
    void saveSetup(ProgramId program, Optional<EdiSetup> setup);

    /**
     * Runs {@code work} as one transaction on the program's records: what it records through {@link Tx} (and
     * its enrollment operations) is committed when it returns, and none of it when it throws.
     */
    <T> T inTransaction(ProgramId program, Function<Tx, T> work);

    /** The program's batches whose file was not yet moved into an outbound folder, oldest first. */
    List<Batch> undelivered(ProgramId program);

    /** The bytes of a batch of the program, as they were committed. */
    Optional<byte[]> contents(ProgramId program, long controlNumber);

    /** Records that the batch's file was moved into {@code folder} at {@code at}; returns false if there is no such batch. */
    boolean markDelivered(ProgramId program, long controlNumber, String folder, Instant at);

    /** The request with this reference, if the program sent it. */
    Optional<Request> request(ProgramId program, String reference);

    /** The program's requests of the account, oldest first. */
    List<Request> requestsOf(ProgramId program, AccountId account);

    /**
     * The operations of one transaction started by {@link #inTransaction}, on one program. Valid only while
     * the work runs; not thread-safe.
     */
    interface Tx {

        /** The enrollment histories, the import log and the audit log in this same transaction. */
        EnrollmentStore.Tx enrollments();

        /** The next interchange (and group) control number: 1 to 999,999,999, never given before. */
        long nextControlNumber();

        /**
         * Records a batch sent and its requests (each in {@link Status#SENT}).
         *
         * @throws IllegalArgumentException if a request is not of the batch (another control number, utility
         *     or file name)
         */
        void recordBatch(Batch batch, byte[] contents, List<Request> requests);

        /**
         * The program's requests with these references, locked until the transaction ends (so two imports
         * of answers to one request run one after the other); references the program never sent have no
         * entry.
         */
        Map<String, Request> lockRequests(Collection<String> references);

        /** The program's batch with this control number, if it sent one. */
        Optional<Batch> batch(long controlNumber);

        /** The requests of the program's batch {@code controlNumber}, locked, in set order. */
        List<Request> lockBatchRequests(long controlNumber);

        /** Stores the requests' new status, detail, response reference and acknowledgment, by reference. */
        void update(List<Request> requests);
    }

    /** Where the utility's answer to a request stands; {@link #wireName()} is the name in the database and JSON. */
    enum Status {
        /** In a committed batch, not answered yet. */
        SENT,
        /** The utility's 997 accepted its transaction set; its 814 response is still to come. */
        ACKNOWLEDGED,
        /** The utility's 997 rejected its transaction set: the utility will not answer it. */
        REFUSED,
        /** The utility's 814 response accepted it. */
        ACCEPTED,
        /** The utility's 814 response rejected it, with reasons. */
        REJECTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the utility has given its final word on the request (an 814 response or a 997 refusal). */
        public boolean isAnswered() {
            return this == REFUSED || this == ACCEPTED || this == REJECTED;
        }

        /** The status of a {@link #wireName()}. */
        public static Status ofWireName(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One interchange file sent to {@code utility}: its control number (ISA13 and GS06 alike), the file name,
     * when it was made, the SHA-256 of its bytes, and when and where it was delivered (moved into an outbound
     * folder), if it was.
     */
    record Batch(long controlNumber, Utility utility, String fileName, Instant createdAt, String sha256,
            Optional<Instant> deliveredAt, Optional<String> deliveredTo) {
        private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Batch {
            Objects.requireNonNull(utility, "utility");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(deliveredAt, "deliveredAt");
            Objects.requireNonNull(deliveredTo, "deliveredTo");
            if (controlNumber < 1 || controlNumber > 999_999_999L) {
                throw new IllegalArgumentException("batch control number must be 1 to 999999999 (ISA13), was "
                        + controlNumber);
            }
            if (!FILE_NAME.matcher(fileName).matches()) {
                throw new IllegalArgumentException("batch file name must be letters, digits, dots, dashes or"
                        + " underscores, was '" + fileName + "'");
            }
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("batch sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
            }
            if (deliveredAt.isPresent() != deliveredTo.isPresent()) {
                throw new IllegalArgumentException("batch " + fileName + " is delivered at a time to a folder, or not"
                        + " at all; was at " + deliveredAt.orElse(null) + " to " + deliveredTo.orElse(null));
            }
        }

        /** A batch just made, not delivered yet. */
        public static Batch made(long controlNumber, Utility utility, String fileName, Instant createdAt,
                String sha256) {
            return new Batch(controlNumber, utility, fileName, createdAt, sha256, Optional.empty(), Optional.empty());
        }
    }

    /**
     * One 814 request sent: its {@code reference} (BGN02 and LIN01), the account and what was asked, the
     * batch it went in ({@code controlNumber}, ISA13 and GS06) with its transaction set number ({@code
     * setControlNumber}, ST02, what a 997 names it by), and the answer: {@code status} since
     * {@code statusAt}, {@code detail} (the utility's reasons, the 997's error codes; empty when none), the
     * utility's {@code responseReference} (BGN02 of its 814 response) and when a 997 accepted the set.
     */
    record Request(String reference, AccountId account, UtilityRequest kind, Utility utility, String fileName,
            long controlNumber, String setControlNumber, Instant createdAt, Status status, Instant statusAt,
            String detail, Optional<String> responseReference, Optional<Instant> acknowledgedAt) {
        private static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z-]{1,20}");

        public Request {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(utility, "utility");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(setControlNumber, "setControlNumber");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(statusAt, "statusAt");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(responseReference, "responseReference");
            Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
            if (!REFERENCE.matcher(reference).matches()) {
                throw new IllegalArgumentException("814 request reference must be 1 to 20 letters, digits or dashes"
                        + " (BGN02 and LIN01), was '" + reference + "'");
            }
        }

        /** A request just sent in a batch made at {@code at}. */
        public static Request sent(String reference, AccountId account, UtilityRequest kind, Batch batch,
                String setControlNumber) {
            return new Request(reference, account, kind, batch.utility(), batch.fileName(), batch.controlNumber(),
                    setControlNumber, batch.createdAt(), Status.SENT, batch.createdAt(), "", Optional.empty(),
                    Optional.empty());
        }

        /** This request answered: {@code status} at {@code at}, with the utility's detail and response reference. */
        public Request answered(Status newStatus, Instant at, String newDetail, Optional<String> response) {
            return new Request(reference, account, kind, utility, fileName, controlNumber, setControlNumber, createdAt,
                    newStatus, at, newDetail, response, acknowledgedAt);
        }

        /** This request's transaction set accepted by a 997 at {@code at}; a request not yet answered is acknowledged. */
        public Request acknowledged(Instant at) {
            Status next = status == Status.SENT ? Status.ACKNOWLEDGED : status;
            return new Request(reference, account, kind, utility, fileName, controlNumber, setControlNumber, createdAt,
                    next, status == Status.SENT ? at : statusAt, detail, responseReference,
                    Optional.of(acknowledgedAt.orElse(at)));
        }
    }
}
