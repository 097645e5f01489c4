package org.opencce.store;

import java.util.List;
import java.util.Optional;
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

    Page<Account> search(ProgramId program, AccountQuery query, int page, int pageSize);

    long count(ProgramId program);

    /** Every account of the program, ordered by id (for aggregations and the demo). */
    List<Account> all(ProgramId program);

    /** A utility's name for an account. */
    record Key(Utility utility, UtilityAccountNumber number) {
    }
}
