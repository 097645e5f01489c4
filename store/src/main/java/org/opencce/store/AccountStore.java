package org.opencce.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.opencce.domain.community.Account;
import org.opencce.domain.community.AccountId;
import org.opencce.domain.community.ProgramId;
import org.opencce.domain.community.Utility;
import org.opencce.domain.community.UtilityAccountNumber;

/** Accounts of the programs. Thread-safe. */
public interface AccountStore {

    /**
     * The id of each (utility, account number): the existing account's, or a new one from the
     * sequence. Same order as {@code keys}.
     */
    List<AccountId> assignIds(ProgramId program, List<Key> keys);

    /** Inserts or replaces the accounts (by id), all in one transaction. */
    void upsert(List<Account> accounts);

    Optional<Account> find(AccountId id);

    Optional<Account> find(ProgramId program, Utility utility, UtilityAccountNumber number);

    /**
     * The accounts of {@code program} whose utility account number, without dashes and in upper case, is
     * {@code key} (as a customer types it: {@code 5401-234-5678} and {@code 54012345678} are one key). One
     * indexed look-up whether or not such an account exists; several when two utilities use the number.
     */
    List<Account> findByNumberKey(ProgramId program, String key);

    Page<Account> search(ProgramId program, AccountQuery query, int page, int pageSize);

    long count(ProgramId program);

    /** Every account of the program, ordered by id (for aggregations and the demo). */
    List<Account> all(ProgramId program);

    /**
     * Runs {@code work} as one transaction on the program's accounts: what it stores through the
     * {@link Batch} is committed together when it returns, and none of it when it throws or the process
     * dies first, ids reserved by {@link Batch#assignIds} included. For imports that must apply a whole
     * file or nothing, in chunks, without holding the file in memory.
     *
     * @return what {@code work} returns
     */
    <T> T inTransaction(ProgramId program, Function<Batch, T> work);

    /**
     * The operations of one transaction started by {@link #inTransaction}, all on {@code program}. Valid
     * only while the work runs; not thread-safe.
     */
    interface Batch extends TransactionJournal {
        /** As {@link AccountStore#assignIds}, inside this transaction. */
        List<AccountId> assignIds(List<Key> keys);

        /** The stored accounts among {@code ids}, by id; ids without an account are left out. */
        Map<AccountId, Account> find(List<AccountId> ids);

        /** As {@link AccountStore#upsert}, inside this transaction; the accounts must be the program's. */
        void upsert(List<Account> accounts);

        /**
         * Records that the customer list whose SHA-256 is {@code sha256} lists these accounts: the list a
         * later one of the same utility is reconciled with.
         */
        void markListed(Collection<AccountId> ids, String sha256);

        /** Those of {@code ids} that some customer list lists now (not closed since). */
        Set<AccountId> listed(Collection<AccountId> ids);

        /**
         * The accounts of {@code utility} in {@code towns} (compared ignoring case) that an earlier customer
         * list listed and the list {@code sha256} did not: closed or moved away, in id order.
         */
        List<Account> listedByAnotherList(Utility utility, Collection<String> towns, String sha256);

        /** Records that no customer list lists these accounts any more (closed or moved away). */
        void unlist(Collection<AccountId> ids);

        /**
         * The enrollment histories of the same program in this same transaction: a customer-list import
         * records each account's listing with the account itself, so a file is applied whole or not at all.
         */
        EnrollmentStore.Tx enrollments();
    }

    /** A utility's name for an account. */
    record Key(Utility utility, UtilityAccountNumber number) {
    }
}
