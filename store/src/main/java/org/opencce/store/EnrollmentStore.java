package org.opencce.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.enrollment.CampaignCounts;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentCounts;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.EnrollmentState;
import org.opencce.domain.enrollment.EventKind;
import org.opencce.domain.enrollment.ProgramEnd;

/**
 * The accounts' enrollment histories (issue 6; {@code docs/enrollment.md}): an append-only list of
 * {@link EnrollmentEvent}s per account, from which {@link Enrollment#replay} derives where the account
 * stands. The history is the truth. Beside it the store keeps, in the same transaction, one summary row
 * per account (state, product, window, last event) so that counting by state and selecting the accounts
 * in a state take one indexed query; reads that return {@link Enrollment}s still replay the history.
 *
 * <p>Every change goes through {@link #inTransaction}: lock the accounts, read their enrollments, decide
 * with the domain ({@link Enrollment#check}), append. Two transactions that touch one account run one
 * after the other, so no event is ever decided on a state another transaction has just changed; a
 * transaction that fails or is abandoned leaves nothing. Thread-safe.
 */
public interface EnrollmentStore {

    /**
     * Runs {@code work} as one transaction on the enrollments of {@code program}: every event it appends
     * is committed with the summaries, import log and audit entries when it returns, and none of it when
     * it throws or the process dies first.
     *
     * @return what {@code work} returns
     */
    <T> T inTransaction(ProgramId program, Function<Tx, T> work);

    /** The account's history in the order it was recorded, with each event's id and reference; empty if none. */
    List<RecordedEvent> history(ProgramId program, AccountId account);

    /** The account's enrollment replayed from its history; empty for an account with no history. */
    Optional<Enrollment> find(ProgramId program, AccountId account);

    /**
     * Calls {@code action} with each account of {@code program} whose enrollment is in one of
     * {@code states} (every state when empty), in account id order, with its enrollment replayed from its
     * history. Streams: the events of all those accounts are read in one ordered query, never held whole,
     * so a hundred thousand accounts take one query. The reads see one snapshot; {@code action} runs
     * while it is open and should not itself write enrollments of the same accounts.
     */
    void forEach(ProgramId program, Set<EnrollmentState> states, BiConsumer<Account, Enrollment> action);

    /** The accounts of {@code program} by enrollment state, for the program and each town; from the summaries. */
    EnrollmentCounts counts(ProgramId program);

    /**
     * The accounts of {@code program} by enrollment state, by town, rate class and product, with the flagged
     * accounts ({@code docs/enrollment.md}, "Campaign figures"): one grouped query over the summaries, whatever
     * the number of accounts.
     */
    CampaignCounts campaignCounts(ProgramId program);

    /**
     * One page of an exception queue ({@link Queue}): the accounts of {@code program} now in the queue's state,
     * each with the latest event of the queue's kind (the utility's rejection with its reason and 814 reference,
     * or the returned notice), ordered by that event's time, newest first or oldest first, then by account id.
     * {@code page} counts from 0; {@code total} is the queue's length.
     */
    Page<QueueEntry> queue(ProgramId program, Queue queue, boolean newestFirst, int page, int pageSize);

    /** The events of {@code program} recorded with {@code reference} (an 814 reference, a confirmation number). */
    List<RecordedEvent> withReference(ProgramId program, String reference);

    /** The program's end, once {@link Tx#recordEnd} recorded it; empty while the program runs. */
    Optional<ProgramEnd> programEnd(ProgramId program);

    /**
     * The operations of one transaction started by {@link #inTransaction} (or shared with a customer-list
     * import, {@link AccountStore.Batch#enrollments()}), all on one program. Valid only while the work
     * runs; not thread-safe.
     */
    interface Tx extends TransactionJournal {

        /**
         * Locks {@code accounts} until the transaction ends and returns their enrollments, replayed from
         * their histories as they stand once the lock is held. An account with no history yet is locked
         * too but has no entry; accounts of other programs, or unknown ids, are ignored. Locking an
         * account twice in one transaction gives its enrollment after this transaction's own appends.
         * Locks are taken in account id order, so two transactions locking overlapping sets do not deadlock.
         */
        Map<AccountId, Enrollment> lock(Collection<AccountId> accounts);

        /**
         * Appends the events, in order, to the histories of their accounts (each locked by {@link #lock}
         * in this transaction) and updates the accounts' summaries. The store applies each event to the
         * account's enrollment itself ({@link Enrollment#apply}; an account without history must start
         * with its listing), so the summaries can never disagree with the history: an event the rules
         * refuse throws {@link org.opencce.domain.enrollment.IllegalTransitionException}, and the caller,
         * who has checked its events with {@link Enrollment#check}, should let the transaction roll back.
         * So does an event that the program's end refuses ({@link #programEnd()}).
         *
         * @return the enrollments of the accounts the events touched, after them
         * @throws IllegalStateException if an event's account was not locked in this transaction
         */
        Map<AccountId, Enrollment> append(List<EnrollmentEvent> events);

        /** As {@link #append}, each event stored with its reference (an 814 reference, a confirmation number). */
        Map<AccountId, Enrollment> appendReferenced(List<ReferencedEvent> events);

        /** The same program's accounts in this same transaction. */
        AccountStore.Batch accounts();

        /**
         * The program's end as this transaction sees it, empty while the program runs. {@link #append}
         * refuses what an ended program refuses ({@link ProgramEnd#refusal}), so a caller asks here first to
         * say so in its own words.
         */
        Optional<ProgramEnd> programEnd();

        /**
         * Records the program's end, by {@code actor}, unless one is recorded already; from then on
         * {@link #append} refuses what {@link ProgramEnd#refusal} refuses, in this transaction and every
         * later one. Locks the program first (call it before {@link #programEnd()} in a transaction), so
         * that no other enrollment transaction decides on the program as it was before.
         *
         * @return the end recorded before, whose date may differ and which stays; empty if recorded now
         */
        Optional<ProgramEnd> recordEnd(ProgramEnd end, String actor);
    }

    /**
     * The exception queues of the console (issue 6, section 8): accounts whose enrollment stopped on an
     * answer staff must act on, by the state they are in and the event that put them there.
     */
    enum Queue {
        /** Enrollments the utility rejected (its 814 response, or a 997 that refused the request). */
        REJECTED(EnrollmentState.REJECTED, EventKind.ENROLLMENT_REJECTED),
        /** Opt-out notices that came back undeliverable: never enrolled automatically. */
        RETURNED_MAIL(EnrollmentState.RETURNED_MAIL, EventKind.MAIL_RETURNED);

        private final EnrollmentState state;
        private final EventKind cause;

        Queue(EnrollmentState state, EventKind cause) {
            this.state = state;
            this.cause = cause;
        }

        /** The state of the accounts in the queue. */
        public EnrollmentState state() {
            return state;
        }

        /** The kind of event that puts an account in the queue. */
        public EventKind cause() {
            return cause;
        }
    }

    /** An account in an exception queue and the latest event of the queue's kind in its history. */
    record QueueEntry(Account account, RecordedEvent event) {
        public QueueEntry {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(event, "event");
        }
    }

    /** An event to append with the reference it is known by outside: the 814 request's, the portal's confirmation. */
    record ReferencedEvent(EnrollmentEvent event, String reference) {
        public ReferencedEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reference, "reference");
            if (reference.isBlank()) {
                throw new IllegalArgumentException("reference of the " + event.kind().wireName() + " event of account "
                        + event.account() + " must not be blank");
            }
        }
    }

    /**
     * An event as stored: {@code id} orders the whole program's history (later events have larger ids),
     * {@code reference} the 814 reference or confirmation number it was stored with, if any.
     */
    record RecordedEvent(long id, EnrollmentEvent event, Optional<String> reference) {
        public RecordedEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reference, "reference");
        }
    }
}
