package org.opencce.store.pg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.enrollment.Enrollment;
import org.opencce.domain.enrollment.EnrollmentEvent;
import org.opencce.domain.enrollment.IllegalTransitionException;
import org.opencce.domain.enrollment.ProgramEnd;
import org.opencce.domain.report.BatchReport;
import org.opencce.store.AccountStore;
import org.opencce.store.EnrollmentStore;

/**
 * One transaction on one program's records, on one handle: the account operations of a customer-list
 * import ({@link AccountStore.Batch}) and the enrollment operations ({@link EnrollmentStore.Tx}) are the
 * same object, so that an import records listings in the transaction that stores the accounts. Keeps the
 * enrollments of the accounts locked so far, as this transaction's appends leave them. Valid only while
 * the work runs; not thread-safe.
 */
final class PgTransaction implements AccountStore.Batch, EnrollmentStore.Tx {
    private final Handle h;
    private final ProgramId program;
    /** Every account locked in this transaction; those with a history have an entry in {@link #enrollments}. */
    private final Set<AccountId> locked = new HashSet<>();
    private final Map<AccountId, Enrollment> enrollments = new HashMap<>();
    private boolean open = true;
    /** The program's end as read in this transaction (null: not read yet). */
    private Optional<ProgramEnd> end;

    PgTransaction(Handle h, ProgramId program) {
        this.h = h;
        this.program = program;
    }

    /** Ends this transaction's operations: any later call fails. */
    void close() {
        open = false;
    }

    @Override
    public List<AccountId> assignIds(List<AccountStore.Key> keys) {
        checkOpen();
        return PgAccountStore.assignIds(h, program, keys);
    }

    @Override
    public Map<AccountId, Account> find(List<AccountId> ids) {
        checkOpen();
        return PgAccountStore.find(h, program, ids);
    }

    @Override
    public void upsert(List<Account> accounts) {
        checkOpen();
        for (Account a : accounts) {
            if (!a.program().equals(program)) {
                throw new IllegalArgumentException("account " + a.id() + " belongs to " + a.program()
                        + ", not to " + program + " whose transaction this is");
            }
        }
        PgAccountStore.upsert(h, accounts);
    }

    @Override
    public void markListed(Collection<AccountId> ids, String sha256) {
        checkOpen();
        PgAccountStore.setListedBy(h, program, ids, PgAccountStore.sha256(sha256));
    }

    @Override
    public Set<AccountId> listed(Collection<AccountId> ids) {
        checkOpen();
        return PgAccountStore.listed(h, program, ids);
    }

    @Override
    public List<Account> listedByAnotherList(Utility utility, Collection<String> towns, String sha256) {
        checkOpen();
        return PgAccountStore.listedByAnotherList(h, program, utility, towns, PgAccountStore.sha256(sha256));
    }

    @Override
    public void unlist(Collection<AccountId> ids) {
        checkOpen();
        PgAccountStore.setListedBy(h, program, ids, null);
    }

    @Override
    public EnrollmentStore.Tx enrollments() {
        checkOpen();
        return this;
    }

    @Override
    public AccountStore.Batch accounts() {
        checkOpen();
        return this;
    }

    @Override
    public boolean recordImport(String kind, String sha256, BatchReport report, String actor) {
        checkOpen();
        return PgImportLog.record(h, program, kind, sha256, report, actor);
    }

    @Override
    public void audit(String actor, String action, String detail) {
        checkOpen();
        PgAuditLog.append(h, program, actor, action, detail);
    }

    @Override
    public Map<AccountId, Enrollment> lock(Collection<AccountId> accounts) {
        checkOpen();
        List<AccountId> toLock = new ArrayList<>();
        for (AccountId id : new HashSet<>(accounts)) {
            if (!locked.contains(id)) {
                toLock.add(id);
            }
        }
        if (!toLock.isEmpty()) {
            List<AccountId> held = PgEnrollmentStore.lock(h, program, toLock);
            locked.addAll(held);
            enrollments.putAll(PgEnrollmentStore.replay(PgEnrollmentStore.histories(h, program, held)));
        }
        Map<AccountId, Enrollment> result = new LinkedHashMap<>();
        for (AccountId id : accounts) {
            Enrollment e = enrollments.get(id);
            if (e != null) {
                result.put(id, e);
            }
        }
        return result;
    }

    @Override
    public Map<AccountId, Enrollment> append(List<EnrollmentEvent> events) {
        List<Optional<String>> none = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            none.add(Optional.empty());
        }
        return append(events, none);
    }

    @Override
    public Map<AccountId, Enrollment> appendReferenced(List<EnrollmentStore.ReferencedEvent> events) {
        List<EnrollmentEvent> plain = new ArrayList<>(events.size());
        List<Optional<String>> references = new ArrayList<>(events.size());
        for (EnrollmentStore.ReferencedEvent e : events) {
            plain.add(e.event());
            references.add(Optional.of(e.reference()));
        }
        return append(plain, references);
    }

    @Override
    public Optional<ProgramEnd> programEnd() {
        checkOpen();
        if (end == null) {
            end = PgEnrollmentStore.programEnd(h, program, false);
        }
        return end;
    }

    @Override
    public Optional<ProgramEnd> recordEnd(ProgramEnd requested, String actor) {
        checkOpen();
        Optional<ProgramEnd> before = PgEnrollmentStore.programEnd(h, program, true);
        if (before.isEmpty()) {
            PgEnrollmentStore.insertEnd(h, program, requested, actor);
        }
        end = Optional.of(before.orElse(requested));
        return before;
    }

    private Map<AccountId, Enrollment> append(List<EnrollmentEvent> events, List<Optional<String>> references) {
        checkOpen();
        Optional<ProgramEnd> ended = events.isEmpty() ? Optional.empty() : programEnd();
        if (ended.isPresent()) {
            for (EnrollmentEvent event : events) {
                Optional<String> refusal = ended.get().refusal(event);
                if (refusal.isPresent()) {
                    throw new IllegalTransitionException(refusal.get());
                }
            }
        }
        // Decide every event first, so that a refused one stores nothing even if the caller carries on.
        Map<AccountId, Enrollment> after = new LinkedHashMap<>();
        for (EnrollmentEvent event : events) {
            AccountId account = event.account();
            if (!locked.contains(account)) {
                throw new IllegalStateException("account " + account + " was not locked in this transaction on "
                        + program + "; lock it before appending to its history");
            }
            Enrollment before = after.containsKey(account) ? after.get(account) : enrollments.get(account);
            after.put(account, before == null ? Enrollment.start(event) : before.apply(event));
        }
        if (events.isEmpty()) {
            return after;
        }
        Map<AccountId, Long> lastEventIds = PgEnrollmentStore.insertEvents(h, program, events, references);
        PgEnrollmentStore.upsertSummaries(h, program, after, lastEventIds);
        enrollments.putAll(after);
        return after;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction on the records of " + program + " has ended");
        }
    }
}
